// What the search index holds of each page: the documents lunr indexes, and what results show.
import type { Page } from '../content/page.ts';
import type { SectionFact } from '../markdown/pageFacts.ts';
import type { NavNode, NavTree } from '../nav/buildNavTree.ts';
import { pathPrefixer } from '../urls/sitePaths.ts';

/** The fields every search document has, with lunr boosts: title > heading > body. */
export const SEARCH_FIELDS = [
  { name: 'title', boost: 8 },
  { name: 'heading', boost: 4 },
  { name: 'body', boost: 1 },
] as const;

export type SearchFieldName = (typeof SEARCH_FIELDS)[number]['name'];

/**
 * A page's own document is boosted a little (a lunr document boost), so that a query naming a
 * page finds the page before its sections, which carry the same title.
 */
export const PAGE_DOCUMENT_BOOST = 1.25;

/** Characters of a section's text kept for its excerpt. */
export const STORED_TEXT_LENGTH = 280;

/** One search document as lunr indexes it: a page (title, navtitle, intro) or one of its sections. */
export interface IndexedDocument {
  fields: Record<SearchFieldName, string>;
  boost: number;
}

/**
 * What a page's results show: the page's title, URL (with the path prefix) and breadcrumb, and
 * per document [heading, heading id, start of the text] ('' and '' for the page's own).
 */
export interface PageDisplay {
  title: string;
  url: string;
  crumbs: string[];
  documents: [heading: string, anchor: string, text: string][];
}

/** One page's part of the index. */
export interface PageEntry {
  documents: IndexedDocument[];
  display: PageDisplay;
}

/** Pages no reader should land on from search. */
const NEVER_INDEXED = new Set(['/404.html']);

/** Whether a page goes in the search index: not with `search: false`, never the 404 page. */
export function isIndexed(page: Page): boolean {
  return page.search && !NEVER_INDEXED.has(page.url);
}

/** The pages in the index, in reading order (their documents are numbered in this order). */
export function indexedPages(tree: NavTree): NavNode[] {
  return tree.order.filter((node) => isIndexed(node.page));
}

/**
 * One page's documents: one for the page (title, navtitle and the text before its first
 * heading) and one per h2/h3 section (its heading and the text under it, h4 and deeper
 * included). Every section also carries the page title, so "static analysis python" finds
 * the Python section of the Static analysis page.
 */
export function pageEntry(node: NavNode, tree: NavTree, text: readonly SectionFact[] | undefined, pathPrefix: string): PageEntry {
  const { page } = node;
  // A page with no text recorded (not rendered yet) is found by its title.
  const sections = text ?? [];
  const title = titleField(page.title, page.navtitle);
  const intro = sections.find((s) => s.id === undefined)?.text ?? '';
  const entry: PageEntry = {
    documents: [{ fields: { title, heading: '', body: intro }, boost: PAGE_DOCUMENT_BOOST }],
    display: { title: page.title, url: pathPrefixer(pathPrefix)(page.url), crumbs: crumbsOf(node, tree), documents: [['', '', storedText(intro)]] },
  };
  for (const section of sections) {
    if (section.id === undefined) continue;
    const heading = section.heading ?? '';
    entry.documents.push({ fields: { title, heading, body: section.text }, boost: 1 });
    entry.display.documents.push([heading, section.id, storedText(section.text)]);
  }
  return entry;
}

/** Every indexed page's entry, in reading order, from each page's sections by content path. */
export function searchEntries(input: { tree: NavTree; sections: ReadonlyMap<string, readonly SectionFact[]>; pathPrefix: string }): PageEntry[] {
  return indexedPages(input.tree).map((node) => pageEntry(node, input.tree, input.sections.get(node.page.inputPath), input.pathPrefix));
}

/** The title, plus the navtitle when it says something the title does not. */
function titleField(title: string, navtitle: string | undefined): string {
  if (!navtitle || title.toLowerCase().includes(navtitle.toLowerCase())) return title;
  return `${title} ${navtitle}`;
}

function crumbsOf(node: NavNode, tree: NavTree): string[] {
  const crumbs: string[] = [];
  for (let n = node.parent; n && n !== tree.home; n = n.parent) crumbs.unshift(n.page.label);
  return crumbs;
}

/** The first STORED_TEXT_LENGTH characters, cut at a space. */
export function storedText(text: string): string {
  if (text.length <= STORED_TEXT_LENGTH) return text;
  const space = text.lastIndexOf(' ', STORED_TEXT_LENGTH);
  let end = space > STORED_TEXT_LENGTH / 2 ? space : STORED_TEXT_LENGTH;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}
