// Term shards: runs of sorted terms, front-coded, each with its postings as varints (document
// number deltas, weights in thousandths), cut at about SHARD_BYTES; and the vocabulary.
import { fileNames } from './browser/format.ts';
import type { SearchIndexData } from './buildSearchIndex.ts';
import { ByteWriter, isHighSurrogate } from './indexBytes.ts';

export interface EncodeOptions {
  /** A term shard is closed once it holds this many bytes (before compression). */
  shardBytes?: number;
  /** A prefix gets a digest when the shards it would read hold at least this many bytes. */
  digestMinBytes?: number;
}

export const SHARD_BYTES = 8 * 1024;

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
