// Digests: for a short prefix whose terms fill many shards ("wa" at 10,000 pages matches water,
// watch, walk… with tens of thousands of postings), the ranked top results of that one-word
// query, computed here with the browser's own engine, so the first keystrokes read a digest.
import { search } from './browser/engine.ts';
import { DIGEST_RESULTS, fileNames, indexOfSorted, shardRangeOfPrefix, type DigestGroup } from './browser/format.ts';
import { IndexReader } from './browser/indexReader.ts';
import { parseQuery } from './browser/queryPlan.ts';
import { isHighSurrogate, json, type IndexFiles } from './indexBytes.ts';
import { manifestOf } from './indexManifest.ts';
import type { EncodeOptions, TermShards } from './termShards.ts';

export const DIGEST_MIN_BYTES = 16 * 1024;
/**
 * Digests matter most for the first keystrokes (2 and 3 characters), where a prefix matches
 * the most terms; a longer prefix gets one only when it would read this many times more.
 */
export const DIGEST_SHORT_PREFIX = 3;
const LONG_PREFIX_FACTOR = 4;

/** The digests, computed with the engine itself over the shards: their files and group keys. */
export async function encodeDigests(shards: TermShards, options: EncodeOptions = {}): Promise<{ files: IndexFiles; digestGroups: string[] }> {
  const { terms, shardKeys, shardSizes } = shards;
  const manifest = json(manifestOf({ ...shards, digestGroups: [], chunkDocs: [] }, ''));
  const reader = new IndexReader((name) => Promise.resolve(name === fileNames.manifest ? manifest : shards.files.get(name)!));
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
