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

/**
 * The sidebar shows the top-level pages plus the children of each page on the path to the
 * current one (and of the current page): its size grows with depth, not with the site.
 */
export function buildPageNav(tree: NavTree, node: NavNode, withPrefix: (url: string) => string): PageNav {
  const path = new Set<NavNode>();
  const chain: NavNode[] = [];
  for (let n: NavNode | undefined = node; n; n = n.parent) {
    path.add(n);
    chain.unshift(n);
  }
  // On a very deep path the top-level page's open child list jumps to a page further down.
  const deep = chain.length > DEEP_PATH_LIMIT;
  const jumpTo = deep ? chain[chain.length - DEEP_PATH_KEPT]! : undefined;
  const jumpSkipped = chain.length - DEEP_PATH_KEPT - 1;

  const link = (n: NavNode): NavLink => ({ label: n.page.label, url: withPrefix(n.page.url) });

  const items = (siblings: NavNode[], owner: NavNode | undefined): SidebarItem[] => {
    let shown = siblings;
    let more: SidebarItem['more'];
    if (siblings.length > SIDEBAR_LIST_LIMIT) {
      const openIndex = siblings.findIndex((s) => path.has(s));
      const start = openIndex < 0 ? 0 : Math.max(0, openIndex - WINDOW_RADIUS);
      const end = openIndex < 0 ? WINDOW_RADIUS * 2 : Math.min(siblings.length, openIndex + WINDOW_RADIUS + 1);
      shown = siblings.slice(start, end);
      if (owner) {
        more = { count: siblings.length - shown.length, url: `${withPrefix(owner.page.url)}#childPages`, label: owner.page.label };
      }
    }
    const item = (s: NavNode): SidebarItem => {
      const open = path.has(s);
      let children: SidebarItem[] | undefined;
      if (open && deep && s === chain[0]) children = [{ ...item(jumpTo!), skipped: jumpSkipped }];
      else if (open && s.children.length > 0) children = items(s.children, s);
      return { label: s.page.label, url: withPrefix(s.page.url), current: s === node, open, hasChildren: s.children.length > 0, children };
    };
    const list = shown.map(item);
    if (more && list.length > 0) list[list.length - 1] = { ...list[list.length - 1]!, more };
    return list;
  };

  const ancestors = chain.slice(0, -1);
  const breadcrumbs: NavLink[] =
    ancestors.length > DEEP_PATH_LIMIT
      ? [link(ancestors[0]!), { ...link(ancestors[ancestors.length - DEEP_PATH_KEPT]!), skipped: ancestors.length - DEEP_PATH_KEPT - 1 }, ...ancestors.slice(1 - DEEP_PATH_KEPT).map(link)]
      : ancestors.map(link);
  if (tree.home && node !== tree.home) breadcrumbs.unshift(link(tree.home));

  const previous = tree.order[node.index - 1];
  const next = tree.order[node.index + 1];
  return {
    sidebar: items(tree.roots, tree.home),
    breadcrumbs,
    previous: previous ? link(previous) : undefined,
    next: next ? link(next) : undefined,
    // The home page lists the top-level pages: it is where a shortened top-level list points.
    children: (node === tree.home ? tree.roots : node.children).map(link),
  };
}
