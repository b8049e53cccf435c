import type { NavTree } from '../nav/buildNavTree.ts';

/**
 * Everything of the tree that other pages show: order, URLs, labels and parents. Two models
 * with one signature render every page's navigation alike, so a rebuild may render only the
 * pages that changed.
 */
export function navSignature(tree: NavTree): string {
  return tree.order
    .map((node) => [node.page.inputPath, node.page.url, node.page.label, node.page.title, node.parent?.page.inputPath ?? ''].join('\u0001'))
    .join('\u0002');
}
