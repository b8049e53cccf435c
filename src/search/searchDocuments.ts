import type { Page } from '../content/page.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { NavNode, NavTree } from '../nav/buildNavTree.ts';
import { prefixer } from '../site/pageView.ts';

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

/** One search document: a page (title, navtitle, intro) or one of its h2/h3 sections. */
export interface SearchDocument {
  fields: Record<SearchFieldName, string>;
  boost: number;
  /** Index of the page in the list of pages, for display. */
  page: number;
  heading?: string;
  /** The section's heading id; absent for a page's own document. */
  anchor?: string;
  /** The start of the text, for the excerpt. */
  text: string;
}

/** Display data of one page, shared by its documents. */
export interface SearchPage {
  title: string;
  /** With the path prefix. */
  url: string;
  crumbs: string[];
}

/** Pages no reader should land on from search. */
const NEVER_INDEXED = new Set(['/404.html']);

/** What the indexer reads of a document. */
export type IndexedDocument = Pick<SearchDocument, 'fields' | 'boost'>;

/** Whether a page goes in the search index: not with `search: false`, never the 404 page. */
export function isIndexed(page: Page): boolean {
  return page.search && !NEVER_INDEXED.has(page.url);
}

/**
 * One page's documents: one for the page (title, navtitle and the text before its first
 * heading) and one per h2/h3 section (its heading and the text under it, h4 and deeper
 * included). Every section also carries the page title, so "static analysis python" finds
 * the Python section of the Static analysis page.
 */
export function pageDocuments(page: Page, facts: PageFacts | undefined, pageIndex: number): SearchDocument[] {
  const title = titleField(page.title, page.navtitle);
  const sections = facts?.sections ?? [];
  const intro = sections.find((s) => s.id === undefined)?.text ?? '';
  const documents: SearchDocument[] = [
    { fields: { title, heading: '', body: intro }, boost: PAGE_DOCUMENT_BOOST, page: pageIndex, text: storedText(intro) },
  ];
  for (const section of sections) {
    if (section.id === undefined) continue;
    documents.push({
      fields: { title, heading: section.heading ?? '', body: section.text },
      boost: 1,
      page: pageIndex,
      heading: section.heading ?? '',
      anchor: section.id,
      text: storedText(section.text),
    });
  }
  return documents;
}

/** The documents of the whole site in reading order, with each page's display data. */
export function searchDocuments(input: {
  tree: NavTree;
  facts: ReadonlyMap<string, PageFacts>;
  pathPrefix: string;
}): { pages: SearchPage[]; documents: SearchDocument[]; order: string[] } {
  const withPrefix = prefixer(input.pathPrefix);
  const pages: SearchPage[] = [];
  const documents: SearchDocument[] = [];
  const order: string[] = [];
  for (const node of input.tree.order) {
    const { page } = node;
    if (!isIndexed(page)) continue;
    documents.push(...pageDocuments(page, input.facts.get(page.inputPath), pages.length));
    pages.push({ title: page.title, url: withPrefix(page.url), crumbs: crumbsOf(node, input.tree) });
    order.push(page.inputPath);
  }
  return { pages, documents, order };
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
