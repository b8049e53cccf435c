import type { NavNode, NavTree } from './buildNavTree.ts';

export interface TreeEntry {
  label: string;
  url: string;
  children: TreeEntry[];
}

/** The whole tree, for the "All pages" page (and readers without JavaScript looking for a page). */
export function fullTree(tree: NavTree, withPrefix: (url: string) => string): TreeEntry[] {
  const entry = (node: NavNode): TreeEntry => ({
    label: node.page.label,
    url: withPrefix(node.page.url),
    children: node.children.map(entry),
  });
  const top = tree.roots.map(entry);
  return tree.home ? [{ label: tree.home.page.label, url: withPrefix(tree.home.page.url), children: [] }, ...top] : top;
}
