// The indexer's thread (started by ./writeSiteSearch.ts). It counts each page's words as the
// page is rendered, on the second core while Eleventy renders on the first; once every page
// is in, it builds and encodes the term index and hands the files over as they are made (the
// shards before the digests), for the main thread to write meanwhile, with the manifest last. Its own small heap also
// spares the indexer the garbage collections of Eleventy's large one.
import { parentPort } from 'node:worker_threads';
import { SearchIndexBuilder } from './buildSearchIndex.ts';
import { encodeDigests, encodeTermShards, type EncodeOptions } from './encodeSearchIndex.ts';
import type { IndexedDocument } from './searchDocuments.ts';

/** Messages to the indexer: pages as they render, then the order of the pages to index. */
export type IndexerRequest =
  | { page: string; documents: IndexedDocument[] }
  | { finish: { order: string[]; options: EncodeOptions } };

/** Messages from the indexer: files to write, then what the manifest needs (or what went wrong). */
export type IndexerReply =
  | { files: [string, Uint8Array][] }
  | { failed: string }
  | { done: { docCount: number; shardKeys: string[]; digestGroups: string[] } };

const port = parentPort!;
const builder = new SearchIndexBuilder();

// Copied, not transferred: the digests still read the shards.
function send(files: Map<string, Uint8Array>): void {
  port.postMessage({ files: [...files] } satisfies IndexerReply);
}

async function finish({ order, options }: { order: string[]; options: EncodeOptions }): Promise<void> {
  // The index itself is dropped once the shards are made (the digests read the shards).
  const shards = encodeTermShards(builder.build(order), options);
  send(shards.files);
  const digests = await encodeDigests(shards, options);
  send(digests.files);
  port.postMessage({ done: { docCount: shards.docCount, shardKeys: shards.shardKeys, digestGroups: digests.digestGroups } } satisfies IndexerReply);
}

port.on('message', (request: IndexerRequest) => {
  try {
    if ('page' in request) builder.addPage(request.page, request.documents);
    else finish(request.finish).catch((error: Error) => port.postMessage({ failed: error.stack ?? error.message } satisfies IndexerReply));
  } catch (error) {
    port.postMessage({ failed: (error as Error).stack ?? String(error) } satisfies IndexerReply);
  }
});
