// What the worker sends the page for each query: ready-to-show pieces of text, never HTML.
import type { SearchResult } from './engine.ts';
import { excerpt, highlight, type Segments } from './highlight.ts';
import type { IndexReader } from './indexReader.ts';

export interface ResultItem {
  url: string;
  /** The page title. */
  title: Segments;
  /** The section heading; absent when the result is the page itself. */
  heading?: Segments;
  /** The page's ancestors, top first. */
  crumbs: string[];
  excerpt: Segments;
}

export interface SearchRequest {
  id: number;
  /** Who asks (the header box, the results page): only the latest query of each is answered. */
  channel: string;
  query: string;
  limit: number;
}

export interface SearchResponse {
  id: number;
  query: string;
  total: number;
  items: ResultItem[];
  /** Results came from the one-typo fallback. */
  fuzzy: boolean;
  /** Set when the index could not be read. */
  error?: string;
}

export async function presentResults(reader: IndexReader, result: SearchResult): Promise<ResultItem[]> {
  const shown = await reader.display(result.hits.map((h) => h.doc));
  return shown.map((d) => ({
    url: d.url,
    title: highlight(d.title, result.matchers),
    heading: d.heading === undefined ? undefined : highlight(d.heading, result.matchers),
    crumbs: d.crumbs,
    excerpt: excerpt(d.text, result.matchers),
  }));
}
