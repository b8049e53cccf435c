// Runs in a worker thread (started by ./writeSiteSearch.ts): builds and encodes the term
// index while the main thread writes the docs chunks, and hands the files over as they are
// made (the shards before the digests are computed), so the main thread writes them meanwhile.
// Its own small heap also spares the indexer the garbage collections of Eleventy's large one.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { encodeTermIndex, type EncodeOptions } from './encodeSearchIndex.ts';
import type { SearchDocument } from './searchDocuments.ts';

export interface IndexWorkerInput {
  documents: Pick<SearchDocument, 'fields' | 'boost'>[];
  displayVersion: string;
  options: EncodeOptions;
}

/** Messages to the main thread: files to write, then 'done'. */
export type IndexWorkerMessage = { files: [string, Uint8Array][] } | 'done';

// Copied, not transferred: the digests still read the shards.
function send(files: Map<string, Uint8Array>): void {
  const message: IndexWorkerMessage = { files: [...files] };
  parentPort!.postMessage(message);
}

async function run(input: IndexWorkerInput): Promise<void> {
  const sent = new Set<string>();
  const encoded = await encodeTermIndex(buildSearchIndex(input.documents), {
    ...input.options,
    displayVersion: input.displayVersion,
    onShards: (files) => {
      for (const name of files.keys()) sent.add(name);
      send(files);
    },
  });
  send(new Map([...encoded.files].filter(([name]) => !sent.has(name))));
  parentPort!.postMessage('done' satisfies IndexWorkerMessage);
}

void run(workerData as IndexWorkerInput);
