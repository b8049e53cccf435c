// The indexer's thread (started by ./writeSiteSearch.ts). It counts each page's words as the
// page is rendered, on the second core while Eleventy renders on the first; once every page
// is in, it builds and encodes the term index and hands the files over as they are made (the
// shards before the digests), for the main thread to write meanwhile. Its own small heap also
// spares the indexer the garbage collections of Eleventy's large one.
import { parentPort } from 'node:worker_threads';
import { SearchIndexBuilder } from './buildSearchIndex.ts';
import { encodeTermIndex, type EncodeOptions } from './encodeSearchIndex.ts';
import type { IndexedDocument } from './searchDocuments.ts';

/** Messages to the indexer: pages as they render, then the order of the pages to index. */
export type IndexerRequest =
  | { page: string; documents: IndexedDocument[] }
  | { finish: { order: string[]; displayVersion: string; options: EncodeOptions } };

/** Messages from the indexer: files to write, then 'done' (or what went wrong). */
export type IndexerReply = { files: [string, Uint8Array][] } | { failed: string } | 'done';

const port = parentPort!;
const builder = new SearchIndexBuilder();

// Copied, not transferred: the digests still read the shards.
function send(files: Map<string, Uint8Array>): void {
  port.postMessage({ files: [...files] } satisfies IndexerReply);
}

async function finish({ order, displayVersion, options }: { order: string[]; displayVersion: string; options: EncodeOptions }): Promise<void> {
  const sent = new Set<string>();
  const encoded = await encodeTermIndex(builder.build(order), {
    ...options,
    displayVersion,
    onShards: (files) => {
      for (const name of files.keys()) sent.add(name);
      send(files);
    },
  });
  send(new Map([...encoded.files].filter(([name]) => !sent.has(name))));
  port.postMessage('done' satisfies IndexerReply);
}

port.on('message', (request: IndexerRequest) => {
  try {
    if ('page' in request) builder.addPage(request.page, request.documents);
    else finish(request.finish).catch((error: Error) => port.postMessage({ failed: error.stack ?? error.message } satisfies IndexerReply));
  } catch (error) {
    port.postMessage({ failed: (error as Error).stack ?? String(error) } satisfies IndexerReply);
  }
});
