// The indexer's thread (started by ./writeSiteSearch.ts). While Eleventy renders on the main
// thread, it takes each page as soon as it has rendered, on the second core: it counts the
// page's words, and writes the docs chunk of every group of PAGES_PER_CHUNK pages once the
// group is complete. After the last page it builds, encodes and writes the term index (the
// shards, then the digests: ./encodeSearchIndex.ts) and sends the main thread the manifest.
// Its own small heap also spares the indexer the garbage collections of Eleventy's large one.
import { parentPort } from 'node:worker_threads';
import { PAGES_PER_CHUNK, fileNames, type Manifest } from './browser/format.ts';
import { SearchIndexBuilder } from './buildSearchIndex.ts';
import { docsChunk, type ChunkRecord } from './docsChunks.ts';
import { encodeSearchIndex } from './encodeSearchIndex.ts';
import type { EncodeOptions } from './termShards.ts';
import type { PageEntry } from './searchDocuments.ts';
import { compressedFileWriter } from './storeFiles.ts';

/** What the term index is built from once the pages are in: the reading order, the encoding. */
export interface FinishPlan {
  order: string[];
  options: EncodeOptions;
}

/**
 * Messages to the indexer: where to write, pages as they render (again if they change), then
 * finish. With `finishWhenComplete` (a one-off build, where each page renders once) it finishes
 * as soon as the last page is in, while Eleventy is still writing pages.
 */
export type IndexerRequest =
  | { start: { indexDir: string; pageCount: number; finishWhenComplete?: FinishPlan } }
  | { page: string; position: number; entry: PageEntry }
  | { finish: FinishPlan };

/** The indexer's answer to `finish`: the manifest, for the main thread to write (or what went wrong). */
export type IndexerReply = { failed: string } | { done: Manifest };

const port = parentPort!;
const builder = new SearchIndexBuilder();
let write: (name: string, bytes: Uint8Array) => void = () => {
  throw new Error('the indexer was not started');
};
let pageCount = 0;
/** Display data by position in reading order, kept until the end (a page may come again). */
const displays: PageEntry['display'][] = [];
/** Per docs chunk: its document count and file hash once written. */
const chunks = new Map<number, ChunkRecord>();
let pagesIn = 0;
let earlyPlan: FinishPlan | undefined;
/** Set once finishing has begun: the index is built once. */
let finishing = false;

function writeChunk(c: number): void {
  const pages = displays.slice(c * PAGES_PER_CHUNK, Math.min(pageCount, (c + 1) * PAGES_PER_CHUNK));
  const { bytes, record } = docsChunk(pages);
  write(fileNames.docsChunk(c), bytes);
  chunks.set(c, record);
}

function chunkComplete(c: number): boolean {
  for (let p = c * PAGES_PER_CHUNK; p < Math.min(pageCount, (c + 1) * PAGES_PER_CHUNK); p++) if (!displays[p]) return false;
  return true;
}

function addPage(key: string, position: number, entry: PageEntry): void {
  // Only a one-off build finishes early, and there a page renders once: a second copy is the same.
  if (finishing) return;
  if (!displays[position]) pagesIn++;
  builder.addPage(key, entry.documents);
  displays[position] = entry.display;
  const c = Math.floor(position / PAGES_PER_CHUNK);
  // A page that comes again after its chunk was written has its chunk written again.
  if (chunks.has(c) || chunkComplete(c)) writeChunk(c);
  if (earlyPlan && pagesIn === pageCount) startFinish(earlyPlan);
}

function startFinish(plan: FinishPlan): void {
  if (finishing) return;
  finishing = true;
  finish(plan).catch((error: Error) => port.postMessage({ failed: error.stack ?? error.message } satisfies IndexerReply));
}

async function finish({ order, options }: FinishPlan): Promise<void> {
  const chunkCount = Math.ceil(pageCount / PAGES_PER_CHUNK);
  for (let c = 0; c < chunkCount; c++) if (!chunks.has(c)) writeChunk(c);
  const records = Array.from({ length: chunkCount }, (_, c) => chunks.get(c)!);
  // The index itself is dropped once the shards are made (the digests read the shards).
  const manifest = await encodeSearchIndex(builder.build(order), records, write, options);
  port.postMessage({ done: manifest } satisfies IndexerReply);
}

port.on('message', (request: IndexerRequest) => {
  try {
    if ('page' in request) addPage(request.page, request.position, request.entry);
    else if ('start' in request) {
      write = compressedFileWriter(request.start.indexDir);
      pageCount = request.start.pageCount;
      earlyPlan = request.start.finishWhenComplete;
    } else startFinish(request.finish);
  } catch (error) {
    port.postMessage({ failed: (error as Error).stack ?? String(error) } satisfies IndexerReply);
  }
});
