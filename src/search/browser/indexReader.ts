// Reads the stored index lazily: the manifest first, then only the term shards, digests and
// docs chunks a query needs. Each file is fetched once and kept.
import { fuzzyMatches, vocabularySet, type LunrTokenSet } from './analysis.ts';
import type { Postings, TermSource } from './engine.ts';
import {
  ByteReader,
  chunkOfDoc,
  chunkStarts,
  displayOf,
  fileNames,
  indexOfSorted,
  shardIndexOf,
  shardRangeOfPrefix,
  type DigestGroup,
  type DocDisplay,
  type DocsChunk,
  type Manifest,
} from './format.ts';

/** Fetches one index file by name and returns its bytes, decompressed. */
export type LoadFile = (name: string, version?: string) => Promise<Uint8Array>;

const textDecoder = new TextDecoder();

function parseJson<T>(bytes: Uint8Array): T {
  return JSON.parse(textDecoder.decode(bytes)) as T;
}

/**
 * Sorted, front-coded terms: per term, the number of leading UTF-16 units shared with the
 * previous term, then the rest as UTF-8 (byte length first). The vocabulary file is exactly
 * this; a term shard follows each term with its postings.
 */
export function readTermHeader(reader: ByteReader, previous: string): string {
  const shared = reader.varint();
  const length = reader.varint();
  return previous.slice(0, shared) + reader.text(length);
}

/** One term shard: terms sorted, postings decoded on first use. */
class TermShard {
  readonly terms: string[] = [];
  private readonly starts: number[] = [];
  private readonly counts: number[] = [];
  private readonly decoded = new Map<number, Postings>();

  constructor(private readonly bytes: Uint8Array) {
    const reader = new ByteReader(bytes);
    const count = reader.varint();
    let previous = '';
    for (let i = 0; i < count; i++) {
      previous = readTermHeader(reader, previous);
      this.terms.push(previous);
      this.counts.push(reader.varint());
      const byteLength = reader.varint();
      this.starts.push(reader.offset);
      reader.offset += byteLength;
    }
  }

  postings(i: number): Postings {
    let p = this.decoded.get(i);
    if (!p) {
      const count = this.counts[i]!;
      const reader = new ByteReader(this.bytes);
      reader.offset = this.starts[i]!;
      const docs = new Int32Array(count);
      const weights = new Int32Array(count);
      let doc = 0;
      for (let j = 0; j < count; j++) {
        doc += reader.varint();
        docs[j] = doc;
        weights[j] = reader.varint();
      }
      p = { docs, weights };
      this.decoded.set(i, p);
    }
    return p;
  }
}

export class IndexReader implements TermSource {
  private manifestPromise?: Promise<Manifest>;
  private readonly files = new Map<string, Promise<unknown>>();
  private vocabulary?: Promise<LunrTokenSet>;
  private starts?: number[];

  constructor(private readonly load: LoadFile) {}

  manifest(): Promise<Manifest> {
    if (!this.manifestPromise) {
      this.manifestPromise = this.load(fileNames.manifest).then((bytes) => parseJson<Manifest>(bytes));
      // A failed fetch (offline for a moment) is tried again by the next query.
      this.manifestPromise.catch(() => (this.manifestPromise = undefined));
    }
    return this.manifestPromise;
  }

  async docCount(): Promise<number> {
    return (await this.manifest()).docCount;
  }

  /** A file of this build, read once; later calls share the first read. */
  private file<T>(name: string, parse: (bytes: Uint8Array) => T): Promise<T> {
    let file = this.files.get(name) as Promise<T> | undefined;
    if (!file) {
      file = this.manifest().then((m) => this.load(name, m.version)).then(parse);
      this.files.set(name, file);
      file.catch(() => this.files.delete(name));
    }
    return file;
  }

  private shard(i: number): Promise<TermShard> {
    return this.file(fileNames.termShard(i), (bytes) => new TermShard(bytes));
  }

  async postings(term: string): Promise<Postings | undefined> {
    const { shardKeys } = await this.manifest();
    const shard = await this.shard(shardIndexOf(shardKeys, term));
    const i = indexOfSorted(shard.terms, term);
    return i < 0 ? undefined : shard.postings(i);
  }

  async termsWithPrefix(prefix: string): Promise<string[]> {
    const { shardKeys } = await this.manifest();
    const [first, last] = shardRangeOfPrefix(shardKeys, prefix);
    const shards = await Promise.all(Array.from({ length: last - first + 1 }, (_, k) => this.shard(first + k)));
    return shards.flatMap((s) => s.terms.filter((t) => t.startsWith(prefix)));
  }

  async fuzzyTerms(term: string): Promise<string[]> {
    this.vocabulary ??= this.manifest()
      .then((m) => this.load(fileNames.vocabulary, m.version))
      .then((bytes) => {
        const reader = new ByteReader(bytes);
        const terms: string[] = [];
        let previous = '';
        while (!reader.done) terms.push((previous = readTermHeader(reader, previous)));
        return vocabularySet(terms);
      });
    return fuzzyMatches(await this.vocabulary, term);
  }

  async digest(prefix: string): Promise<number[] | undefined> {
    const { digestGroups } = await this.manifest();
    const key = prefix.slice(0, 2);
    const i = indexOfSorted(digestGroups, key);
    if (i < 0) return undefined;
    const group = await this.file(fileNames.digestGroup(i), (bytes) => parseJson<DigestGroup>(bytes));
    return Object.prototype.hasOwnProperty.call(group, prefix) ? group[prefix] : undefined;
  }

  /** What each result shows, loading only the docs chunks that hold them. */
  async display(docs: number[]): Promise<DocDisplay[]> {
    const manifest = await this.manifest();
    this.starts ??= chunkStarts(manifest.chunkDocs);
    const starts = this.starts;
    const where = docs.map((doc) => chunkOfDoc(starts, doc));
    const chunks = await Promise.all(where.map((c) => this.file(fileNames.docsChunk(c), (bytes) => parseJson<DocsChunk>(bytes))));
    return docs.map((doc, i) => displayOf(chunks[i]!, doc - starts[where[i]!]!));
  }
}
