// The index as files a reader fetches piece by piece.
//
// lunr's serialized index is one JSON file (1.4 KiB per page gzipped) that must be loaded
// whole before the first result. Here the same postings are cut into files so a query reads
// only what it needs:
//   manifest      the first key of every term shard and the digest groups (small; read first);
//   t/<i>.bin     term shards: a run of sorted terms, front-coded, each with its postings as
//                 varints (document number deltas, weights in thousandths), ~SHARD_BYTES each;
//                 a query reads the shard(s) that can hold its terms;
//   p/<i>.bin     digests: for a short prefix whose terms fill many shards ("wa" at 10,000
//                 pages matches water, watch, walk… with tens of thousands of postings), the
//                 ranked top results of that one-word query, computed here with the same
//                 engine; the first keystrokes read a digest instead of those shards;
//   d/<i>.bin     docs chunks: what the results of PAGES_PER_CHUNK consecutive pages show
//                 (title, URL, heading, breadcrumb, text), apart from the index;
//   vocabulary    every term, front-coded, read only for the one-typo fallback.
// Each kind of file is written by its own module: ./indexManifest.ts, ./termShards.ts (with the
// vocabulary), ./searchDigests.ts and ./docsChunks.ts, with the byte encoding in ./indexBytes.ts.
import { PAGES_PER_CHUNK, fileNames, type Manifest } from './browser/format.ts';
import type { SearchIndexData } from './buildSearchIndex.ts';
import { docsChunk, documentsIn } from './docsChunks.ts';
import type { IndexFiles } from './indexBytes.ts';
import { IndexVersion, manifestFile, manifestOf } from './indexManifest.ts';
import { encodeDigests } from './searchDigests.ts';
import type { PageDisplay } from './searchDocuments.ts';
import { encodeTermShards, type EncodeOptions } from './termShards.ts';

// The parts, importable from here as before (./indexWorker.ts and ./writeSiteSearch.ts use them).

/** The whole index at once: docs chunks, term shards, digests and manifest. */
export async function encodeSearchIndex(
  index: SearchIndexData,
  pages: PageDisplay[],
  options: EncodeOptions = {},
): Promise<{ manifest: Manifest; files: IndexFiles }> {
  const files: IndexFiles = new Map();
  const chunkDocs: number[] = [];
  for (let c = 0; c * PAGES_PER_CHUNK < pages.length; c++) {
    const chunk = pages.slice(c * PAGES_PER_CHUNK, (c + 1) * PAGES_PER_CHUNK);
    files.set(fileNames.docsChunk(c), docsChunk(chunk));
    chunkDocs.push(documentsIn(chunk));
  }
  const shards = encodeTermShards(index, options);
  const digests = await encodeDigests(shards, options);
  for (const [name, bytes] of [...shards.files, ...digests.files]) files.set(name, bytes);
  const version = new IndexVersion();
  for (const file of files) version.add(file);
  const manifest = manifestOf({ ...shards, digestGroups: digests.digestGroups, chunkDocs }, version.value());
  files.set(...manifestFile(manifest));
  return { manifest, files };
}
