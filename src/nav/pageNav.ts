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
}

export interface NavLink {
  label: string;
  url: string;
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
 * The sidebar: the home page, the top-level pages, and the children of each page on the path
 * to the current one (and of the current page): its size grows with depth, not with the site.
 * With no current page (404, search) it shows the top level only.
 */
export function buildSidebar(tree: NavTree, node: NavNode | undefined, withPrefix: (url: string) => string): SidebarItem[] {
  const path = new Set<NavNode>();
  for (let n: NavNode | undefined = node; n; n = n.parent) path.add(n);

  const item = (s: NavNode, children?: SidebarItem[]): SidebarItem => ({
    label: s.page.label,
    url: withPrefix(s.page.url),
    current: s === node,
    open: path.has(s),
    hasChildren: s.children.length > 0,
    children,
  });

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
    const list = shown.map((s) => item(s, path.has(s) && s.children.length > 0 ? items(s.children, s) : undefined));
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

  const breadcrumbs: NavLink[] = [];
  for (let n = node.parent; n; n = n.parent) breadcrumbs.unshift(link(n));
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
