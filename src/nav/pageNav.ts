import { SYSTEM_URLS } from '../content/systemUrls.ts';
import type { NavNode, NavTree } from './buildNavTree.ts';

/** A link in the sidebar; `children` is present only on the open path to the current page. */
export interface SidebarItem {
  label: string;
  url: string;
  current: boolean;
  /** On the path from the top to the current page. */
  open: boolean;
  hasChildren: boolean;
  children?: SidebarItem[];
  /** Set when a long list was cut short: how many siblings were left out, and where to see all. */
  more?: { count: number; url: string; label: string };
  /** A link to another site (a Jekyll guide's navigation can list one). */
  external?: boolean;
  /** Levels of a very deep path left out between this item and the list it is shown in. */
  skipped?: number;
}

export interface NavLink {
  label: string;
  url: string;
  /** Levels of a very deep path left out before this link (breadcrumbs). */
  skipped?: number;
}

/** Everything a layout needs to render one page's navigation. */
export interface PageNav {
  sidebar: SidebarItem[];
  /** Ancestors from the home page down, the current page excluded. */
  breadcrumbs: NavLink[];
  previous?: NavLink;
  next?: NavLink;
  /** The page's own children, listed on the page so no editor keeps such a list by hand. */
  children: NavLink[];
}

/**
 * A sibling list longer than this is shortened in the sidebar to a window around the open item,
 * so that a parent with thousands of children does not weigh down every page under it.
 */
export const SIDEBAR_LIST_LIMIT = 25;
const WINDOW_RADIUS = 5;

/**
 * A path deeper than this is shortened in the sidebar and breadcrumbs: the top-level page, a
 * gap, and the last `DEEP_PATH_KEPT` levels, so a chain of hundreds of pages neither nests the
 * sidebar off the screen nor makes every page of it weigh as much as the chain is long.
 */
export const DEEP_PATH_LIMIT = 6;
const DEEP_PATH_KEPT = 4;

/** The page and its ancestors, top-level page first. */
function chainOf(node: NavNode | undefined): NavNode[] {
  const chain: NavNode[] = [];
  for (let n = node; n; n = n.parent) chain.unshift(n);
  return chain;
}

/**
 * The sidebar: the home page, the top-level pages, and the children of each page on the path
 * to the current one (and of the current page): its size grows with depth, not with the site.
 * With no current page (404, search) it shows the top level only.
 */
export function buildSidebar(tree: NavTree, node: NavNode | undefined, withPrefix: (url: string) => string): SidebarItem[] {
  const chain = chainOf(node);
  const path = new Set<NavNode>(chain);
  // On a very deep path the top-level page's open child list jumps to a page further down.
  const deep = chain.length > DEEP_PATH_LIMIT;
  const jumpTo = deep ? chain[chain.length - DEEP_PATH_KEPT]! : undefined;
  const jumpSkipped = chain.length - DEEP_PATH_KEPT - 1;

  const item = (s: NavNode): SidebarItem => {
    const open = path.has(s);
    let children: SidebarItem[] | undefined;
    if (open && deep && s === chain[0]) children = [{ ...item(jumpTo!), skipped: jumpSkipped }];
    else if (open && s.children.length > 0) children = items(s.children, s);
    return { label: s.page.label, url: withPrefix(s.page.url), current: s === node, open, hasChildren: s.children.length > 0, children };
  };

  const items = (siblings: NavNode[], owner: NavNode | undefined): SidebarItem[] => {
    let shown = siblings;
    let more: SidebarItem['more'];
    if (siblings.length > SIDEBAR_LIST_LIMIT) {
      const openIndex = siblings.findIndex((s) => path.has(s));
      const start = openIndex < 0 ? 0 : Math.max(0, openIndex - WINDOW_RADIUS);
      const end = openIndex < 0 ? WINDOW_RADIUS * 2 : Math.min(siblings.length, openIndex + WINDOW_RADIUS + 1);
      shown = siblings.slice(start, end);
      // The rest are listed on the owner's page; a site without a home page lists them on "All pages".
      more = owner
        ? { count: siblings.length - shown.length, url: `${withPrefix(owner.page.url)}#childPages`, label: owner.page.label }
        : { count: siblings.length - shown.length, url: withPrefix(SYSTEM_URLS.allPages), label: 'All pages' };
    }
    const list = shown.map(item);
    if (more && list.length > 0) list[list.length - 1] = { ...list[list.length - 1]!, more };
    // Links to other sites keep their place in the list (only shown when the list is whole).
    const externals = shown === siblings ? tree.externalLinks?.get(owner === tree.home ? undefined : owner) : undefined;
    [...(externals ?? [])]
      .sort((a, b) => a.index - b.index)
      .forEach((link, inserted) => {
        list.splice(link.index + inserted, 0, { label: link.label, url: link.url, current: false, open: false, hasChildren: false, external: true });
      });
    return list;
  };

  // The home page leads the list, so that it too is marked current when it is open.
  const top = items(tree.roots, tree.home);
  return tree.home ? [item(tree.home), ...top] : top;
}

/** Everything a content page shows of the navigation. */
export function buildPageNav(tree: NavTree, node: NavNode, withPrefix: (url: string) => string): PageNav {
  const link = (n: NavNode): NavLink => ({ label: n.page.label, url: withPrefix(n.page.url) });

  const ancestors = chainOf(node).slice(0, -1);
  const breadcrumbs: NavLink[] =
    ancestors.length > DEEP_PATH_LIMIT
      ? [link(ancestors[0]!), { ...link(ancestors[ancestors.length - DEEP_PATH_KEPT]!), skipped: ancestors.length - DEEP_PATH_KEPT - 1 }, ...ancestors.slice(1 - DEEP_PATH_KEPT).map(link)]
      : ancestors.map(link);
  if (tree.home && node !== tree.home) breadcrumbs.unshift(link(tree.home));

  const previous = tree.order[node.index - 1];
  const next = tree.order[node.index + 1];
  return {
    sidebar: buildSidebar(tree, node, withPrefix),
    breadcrumbs,
    previous: previous ? link(previous) : undefined,
    next: next ? link(next) : undefined,
    // The home page lists the top-level pages: it is where a shortened top-level list points.
    children: (node === tree.home ? tree.roots : node.children).map(link),
  };
}
