// Docs chunks: what the results of PAGES_PER_CHUNK consecutive pages show (title, URL,
// heading, breadcrumb, text), apart from the index.
import type { DocsChunk } from './browser/format.ts';
import { json } from './indexBytes.ts';
import type { PageDisplay } from './searchDocuments.ts';

/** One docs chunk: the display data of consecutive pages, each page's title, URL and breadcrumb once. */
export function docsChunk(pages: readonly PageDisplay[]): Uint8Array {
  const chunk: DocsChunk = { pages: [], docs: [] };
  pages.forEach((page, p) => {
    chunk.pages.push([page.title, page.url, page.crumbs]);
    for (const [heading, anchor, text] of page.documents) chunk.docs.push([p, heading, anchor, text]);
  });
  return json(chunk);
}

export function documentsIn(pages: readonly PageDisplay[]): number {
  return pages.reduce((sum, page) => sum + page.documents.length, 0);
}
