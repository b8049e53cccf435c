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
import { createHash } from 'node:crypto';
import { search } from './browser/engine.ts';
import {
  DIGEST_RESULTS,
  PAGES_PER_CHUNK,
  FORMAT_VERSION,
  fileNames,
  indexOfSorted,
  shardRangeOfPrefix,
  type DigestGroup,
  type DocsChunk,
  type Manifest,
} from './browser/format.ts';
import { IndexReader } from './browser/indexReader.ts';
import { parseQuery } from './browser/queryPlan.ts';
import type { SearchIndexData } from './buildSearchIndex.ts';
import type { PageDisplay } from './searchDocuments.ts';

export interface EncodeOptions {
  /** A term shard is closed once it holds this many bytes (before compression). */
  shardBytes?: number;
  /** A prefix gets a digest when the shards it would read hold at least this many bytes. */
  digestMinBytes?: number;
}

export const SHARD_BYTES = 8 * 1024;
export const DIGEST_MIN_BYTES = 16 * 1024;
/**
 * Digests matter most for the first keystrokes (2 and 3 characters), where a prefix matches
 * the most terms; a longer prefix gets one only when it would read this many times more.
 */
export const DIGEST_SHORT_PREFIX = 3;
const LONG_PREFIX_FACTOR = 4;

/** Appends unsigned LEB128 varints and UTF-8 text. */
class ByteWriter {
  private buffer: Uint8Array;
  length = 0;
  private static readonly encoder = new TextEncoder();

  constructor(capacity = 4096) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** A term after `previous`, front-coded (see readTermHeader in ./browser/indexReader.ts). */
  term(term: string, previous: string): void {
    let shared = 0;
    const max = Math.min(term.length, previous.length);
    while (shared < max && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never split a surrogate pair: the rest is encoded as UTF-8 on its own.
    if (shared > 0 && shared < term.length && isHighSurrogate(term.charCodeAt(shared - 1))) shared--;
    const rest = ByteWriter.encoder.encode(term.slice(shared));
    this.varint(shared);
    this.varint(rest.length);
    this.bytes(rest);
  }

  /** A copy, exactly as long as what was written. */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const postingsWriter = new ByteWriter(1 << 16);

/** The postings of one term as bytes: (document delta, weight) varint pairs. */
function encodePostings(docs: Int32Array, weights: Int32Array): Uint8Array {
  const writer = postingsWriter;
  writer.length = 0;
  let previous = 0;
  for (let j = 0; j < docs.length; j++) {
    writer.varint(docs[j]! - previous);
    writer.varint(weights[j]!);
    previous = docs[j]!;
  }
  return writer.result();
}

/** The shortest prefix of `first` that sorts after `previousLast`: a shard's key. */
function separatorKey(previousLast: string, first: string): string {
  for (let length = 1; length < first.length; length++) {
    const key = first.slice(0, length);
    if (key > previousLast && !isHighSurrogate(key.charCodeAt(length - 1))) return key;
  }
  return first;
}

/** Index files by name (relative to the index folder), uncompressed. */
export type IndexFiles = Map<string, Uint8Array>;

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

/** A short hash of every file's name and contents, in the order they are added. */
export class IndexVersion {
  private readonly hash = createHash('sha256');
  add([name, bytes]: [string, Uint8Array]): void {
    this.hash.update(name).update(bytes);
  }
  value(): string {
    return this.hash.digest('hex').slice(0, 12);
  }
}

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

/** What the manifest says besides its version. */
export type ManifestParts = Pick<Manifest, 'docCount' | 'shardKeys' | 'digestGroups' | 'chunkDocs'>;

/** The manifest (see Manifest in ./browser/format.ts). */
export function manifestOf(parts: ManifestParts, version: string): Manifest {
  return { format: FORMAT_VERSION, version, docCount: parts.docCount, shardKeys: parts.shardKeys, digestGroups: parts.digestGroups, chunkDocs: parts.chunkDocs };
}

/** The manifest as its file. */
export function manifestFile(manifest: Manifest): [string, Uint8Array] {
  return [fileNames.manifest, json(manifest)];
}

/** Term shards and vocabulary, and what the digests need to know of them. */
export interface TermShards {
  files: Map<string, Uint8Array>;
  terms: string[];
  docCount: number;
  shardKeys: string[];
  shardSizes: number[];
}

/** Term shards (consecutive terms until a shard is full; a large posting list gets its own) and the vocabulary. */
export function encodeTermShards(index: SearchIndexData, options: EncodeOptions = {}): TermShards {
  const shardBytes = options.shardBytes ?? SHARD_BYTES;
  const files = new Map<string, Uint8Array>();
  const { terms } = index;
  const shardKeys: string[] = [];
  const shardSizes: number[] = [];
  let shardTerms: { term: string; count: number; postings: Uint8Array }[] = [];
  let shardSize = 0;
  let lastTerm = '';
  const closeShard = () => {
    if (shardTerms.length === 0) return;
    const writer = new ByteWriter(shardSize + 16);
    writer.varint(shardTerms.length);
    let previous = '';
    for (const t of shardTerms) {
      writer.term(t.term, previous);
      writer.varint(t.count);
      writer.varint(t.postings.length);
      writer.bytes(t.postings);
      previous = t.term;
    }
    const bytes = writer.result();
    files.set(fileNames.termShard(shardKeys.length), bytes);
    shardKeys.push(shardKeys.length === 0 ? '' : separatorKey(lastTerm, shardTerms[0]!.term));
    shardSizes.push(bytes.length);
    lastTerm = shardTerms[shardTerms.length - 1]!.term;
    shardTerms = [];
    shardSize = 0;
  };
  for (let t = 0; t < terms.length; t++) {
    const postings = encodePostings(index.docs[t]!, index.weights[t]!);
    if (shardSize > 0 && shardSize + postings.length > shardBytes * 1.5) closeShard();
    shardTerms.push({ term: terms[t]!, count: index.docs[t]!.length, postings });
    shardSize += postings.length + terms[t]!.length + 4;
    if (shardSize >= shardBytes) closeShard();
  }
  closeShard();
  const vocabulary = new ByteWriter();
  let previous = '';
  for (const term of terms) {
    vocabulary.term(term, previous);
    previous = term;
  }
  files.set(fileNames.vocabulary, vocabulary.result());
  return { files, terms, docCount: index.docCount, shardKeys, shardSizes };
}

/** The digests, computed with the engine itself over the shards: their files and group keys. */
export async function encodeDigests(shards: TermShards, options: EncodeOptions = {}): Promise<{ files: IndexFiles; digestGroups: string[] }> {
  const { terms, shardKeys, shardSizes } = shards;
  const manifest = json(manifestOf({ ...shards, digestGroups: [], chunkDocs: [] }, ''));
  const reader = new IndexReader(async (name) => (name === fileNames.manifest ? manifest : shards.files.get(name)!));
  const groups = new Map<string, DigestGroup>();
  // Prefixes that expand to the same terms ("remem", "rememb") share one computation.
  const computed = new Map<string, number[]>();
  for (const prefix of expensivePrefixes(terms, shardKeys, shardSizes, options.digestMinBytes ?? DIGEST_MIN_BYTES)) {
    const words = parseQuery(prefix);
    if (words.length !== 1 || words[0]!.prefix !== prefix) continue;
    const exact = words[0]!.exact;
    const [first, end] = prefixRange(terms, prefix);
    const key = `${first}:${end}:${exact !== undefined && indexOfSorted(terms, exact) >= 0 ? exact : ''}`;
    let digest = computed.get(key);
    if (!digest) {
      const result = await search(reader, prefix, { limit: DIGEST_RESULTS });
      digest = [result.total, ...result.hits.map((h) => h.doc)];
      computed.set(key, digest);
    }
    const group = groups.get(prefix.slice(0, 2)) ?? {};
    group[prefix] = digest;
    groups.set(prefix.slice(0, 2), group);
  }
  const digestGroups = [...groups.keys()].sort();
  return { files: new Map(digestGroups.map((key, i) => [fileNames.digestGroup(i), json(groups.get(key)!)])), digestGroups };
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** The terms starting with `prefix`: [first, end) in the sorted terms. */
function prefixRange(terms: string[], prefix: string): [number, number] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  hi = terms.length;
  while (end < hi) {
    const mid = (end + hi) >> 1;
    if (terms[mid]!.startsWith(prefix)) end = mid + 1;
    else hi = mid;
  }
  return [lo, end];
}

/**
 * Prefixes (two characters or more) of indexed terms whose one-word query would read at least
 * `minBytes` of shards (LONG_PREFIX_FACTOR times that past DIGEST_SHORT_PREFIX characters). A longer prefix reads a subset of a shorter one's shards, so each
 * term's prefixes are walked from the shortest until one is cheap.
 */
export function expensivePrefixes(terms: string[], shardKeys: string[], shardSizes: number[], minBytes: number): string[] {
  const before = [0];
  for (const size of shardSizes) before.push(before[before.length - 1]! + size);
  const found: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    for (let length = 2; length <= term.length; length++) {
      const prefix = term.slice(0, length);
      if (isHighSurrogate(prefix.charCodeAt(length - 1))) continue;
      if (i > 0 && terms[i - 1]!.startsWith(prefix)) continue;
      const [first, last] = shardRangeOfPrefix(shardKeys, prefix);
      const bytes = before[last + 1]! - before[first]!;
      if (bytes < minBytes) break;
      if (length <= DIGEST_SHORT_PREFIX || bytes >= minBytes * LONG_PREFIX_FACTOR) found.push(prefix);
    }
  }
  return found;
}
