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
// The docs chunks are written as their pages render (./indexWorker.ts); the rest is assembled
// here once the index is built, in the indexer's thread, and the manifest it returns is written
// by the main thread (./writeSiteSearch.ts).
import { createHash } from 'node:crypto';
import type { Manifest } from './browser/format.ts';
import type { SearchIndexData } from './buildSearchIndex.ts';
import type { ChunkRecord } from './docsChunks.ts';
import { IndexVersion, manifestOf } from './indexManifest.ts';
import { encodeDigests } from './searchDigests.ts';
import { encodeTermShards, type EncodeOptions } from './termShards.ts';

/**
 * The term shards, vocabulary and digests of the built index, each passed to `write` as it is
 * encoded, and the manifest of the whole index, given the docs chunks already written (in
 * order). The version covers every file: the docs chunks (by their hashes), the shards, the digests.
 */
export function encodeSearchIndex(
  index: SearchIndexData,
  chunks: readonly ChunkRecord[],
  write: (name: string, bytes: Uint8Array) => void,
  options: EncodeOptions = {},
): Promise<Manifest> {
  const version = new IndexVersion();
  const docsVersion = createHash('sha256');
  for (const chunk of chunks) docsVersion.update(chunk.hash);
  version.add(['docs', new TextEncoder().encode(docsVersion.digest('hex'))]);
  const writeAll = (files: Map<string, Uint8Array>) => {
    for (const file of files) {
      version.add(file);
      write(...file);
    }
  };
  const shards = encodeTermShards(index, options);
  writeAll(shards.files);
  // Not async itself: no suspended frame keeps the index alive while the digests are computed
  // (they read the shards), so the caller's can be dropped now.
  return (async () => {
    const digests = await encodeDigests(shards, options);
    writeAll(digests.files);
    const chunkDocs = chunks.map((chunk) => chunk.docs);
    return manifestOf({ docCount: shards.docCount, shardKeys: shards.shardKeys, digestGroups: digests.digestGroups, chunkDocs }, version.value());
  })();
}
