// Docs chunks: what the results of PAGES_PER_CHUNK consecutive pages show (title, URL,
// heading, breadcrumb, text), apart from the index.
import { createHash } from 'node:crypto';
import type { DocsChunk } from './browser/format.ts';
import { json } from './indexBytes.ts';
import type { PageDisplay } from './searchDocuments.ts';

/** What the manifest and the index's version need of a docs chunk once written. */
export interface ChunkRecord {
  /** Its document count. */
  docs: number;
  /** Its file's SHA-256, in hex. */
  hash: string;
}

/** One docs chunk: the display data of consecutive pages, each page's title, URL and breadcrumb once. */
export function docsChunk(pages: readonly PageDisplay[]): { bytes: Uint8Array; record: ChunkRecord } {
  const chunk: DocsChunk = { pages: [], docs: [] };
  pages.forEach((page, p) => {
    chunk.pages.push([page.title, page.url, page.crumbs]);
    for (const [heading, anchor, text] of page.documents) chunk.docs.push([p, heading, anchor, text]);
  });
  const bytes = json(chunk);
  return { bytes, record: { docs: chunk.docs.length, hash: createHash('sha256').update(bytes).digest('hex') } };
}
