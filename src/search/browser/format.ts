// The stored search index: file names, the manifest, and the byte encoding both sides share.
// The build's indexer writes these files (src/search/indexWorker.ts, assembling them with
// src/search/encodeSearchIndex.ts); the reader's browser and the benchmark read them
// (./indexReader.ts). Every file is gzip-compressed by the build, so the bytes a reader
// downloads do not depend on how the host compresses (see ./loadFile.ts).

/** Bumped whenever the layout of any file below changes. */
export const FORMAT_VERSION = 1;

/**
 * Pages per docs chunk (consecutive in reading order, about sixteen results' display data): a
 * result costs one small chunk, not the whole site's text. A chunk depends only on its own
 * pages, so the build writes it as soon as they have rendered.
 */
export const PAGES_PER_CHUNK = 4;

/** How many results a precomputed prefix digest holds (the dropdown shows this many). */
export const DIGEST_RESULTS = 10;

export const fileNames = {
  manifest: 'manifest.bin',
  vocabulary: 'vocabulary.bin',
  termShard: (i: number) => `t/${i}.bin`,
  docsChunk: (i: number) => `d/${i}.bin`,
  digestGroup: (i: number) => `p/${i}.bin`,
};

/**
 * The one small file a query reads first: where each term shard starts, which two-letter
 * prefixes have digests, and how many documents there are.
 */
export interface Manifest {
  format: number;
  /** Changes whenever any index file changes: shard URLs carry it, so caches never mix builds. */
  version: string;
  docCount: number;
  /**
   * The first key of each term shard, sorted: shard i holds the terms t with
   * `shardKeys[i] <= t < shardKeys[i + 1]` (code-unit order, as lunr sorts). A key is the
   * shortest prefix of the shard's first term that sorts after the previous shard's last term.
   */
  shardKeys: string[];
  /** Two-character prefixes (sorted) that have a digest group file, at the same index. */
  digestGroups: string[];
  /** How many documents each docs chunk holds, in order: chunk c starts after those of 0…c-1. */
  chunkDocs: number[];
}

/** A precomputed answer: [total matches, doc ids of the best DIGEST_RESULTS, best first]. */
export type Digest = number[];
/** A digest group file: digests of every expensive prefix that starts with the group's two characters. */
export type DigestGroup = Record<string, Digest>;

/** What a result shows; stored in docs chunks, apart from the index. */
export interface DocDisplay {
  /** Page title. */
  title: string;
  /** Page URL with the path prefix, plus `#id` for a section. */
  url: string;
  /** The section heading; absent for a page's own entry. */
  heading?: string;
  /** Labels of the page's ancestors (the home page left out), top first. */
  crumbs: string[];
  /** The start of the section's plain text, for the excerpt. */
  text: string;
}

/**
 * A docs chunk: pages listed once, records pointing at them.
 * `pages[i] = [title, url, crumbs]`, `docs[j] = [pageIndex, heading, anchor, text]` (heading
 * and anchor are '' for a page's own record).
 */
export interface DocsChunk {
  pages: [string, string, string[]][];
  docs: [number, string, string, string][];
}

/** The first document of each docs chunk, from Manifest.chunkDocs. */
export function chunkStarts(chunkDocs: readonly number[]): number[] {
  const starts: number[] = [];
  let start = 0;
  for (const count of chunkDocs) {
    starts.push(start);
    start += count;
  }
  return starts;
}

/** The index of the last sorted value that is <= `value` (0 when none is). */
function lastAtOrBefore<T extends string | number>(sorted: readonly T[], value: T): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The docs chunk that holds a document: the last one starting at or before it. */
export function chunkOfDoc(starts: readonly number[], doc: number): number {
  return lastAtOrBefore(starts, doc);
}

/** A document's display data; `index` is its place in the chunk. */
export function displayOf(chunk: DocsChunk, index: number): DocDisplay {
  const [pageIndex, heading, anchor, text] = chunk.docs[index]!;
  const [title, url, crumbs] = chunk.pages[pageIndex]!;
  return { title, url: anchor ? `${url}#${anchor}` : url, heading: heading || undefined, crumbs, text };
}

/** Reads unsigned LEB128 varints and UTF-8 strings from a byte array. */
export class ByteReader {
  offset = 0;
  private static readonly decoder = new TextDecoder();
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  text(byteLength: number): string {
    const start = this.offset;
    this.offset += byteLength;
    return ByteReader.decoder.decode(this.bytes.subarray(start, this.offset));
  }
}

/** The position of `item` in sorted strings (code-unit order), or -1. */
export function indexOfSorted(sorted: readonly string[], item: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid]!;
    if (value === item) return mid;
    if (value < item) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the last key that is <= `term` (0 when none is): the shard that would hold `term`. */
export function shardIndexOf(keys: readonly string[], term: string): number {
  return lastAtOrBefore(keys, term);
}

/** The shards that can hold a term starting with `prefix`: a run of consecutive indexes. */
export function shardRangeOfPrefix(keys: readonly string[], prefix: string): [number, number] {
  const first = shardIndexOf(keys, prefix);
  let last = first;
  while (last + 1 < keys.length && keys[last + 1]!.startsWith(prefix)) last++;
  return [first, last];
}
