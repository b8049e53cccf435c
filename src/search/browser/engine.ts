// Ranking a query: lunr's query semantics and scoring, computed over postings that are loaded
// term by term instead of from one whole lunr index.
//
// Why the scores equal lunr's: lunr scores a document as the sum over fields of
// (queryVector · fieldVector) / |queryVector|, where the query vector holds, per expanded
// term, the sum of the boosts of the clauses that expanded to it, and is the same for every
// field when clauses are not limited to fields. So the score is
//   sum over terms t of q(t) * W(t, doc) / |q|,   W(t, doc) = sum over fields of lunr's weight,
// and W is what a posting stores (in thousandths, as lunr rounds each field weight to 0.001).
// Only the summation order differs, so scores agree to the last few bits; ties are broken by
// document number (reading order).
import { DIGEST_RESULTS, type DigestGroup } from './format.ts';
import { EXACT_BOOST, FALLBACK_BOOST, FALLBACK_MIN_LENGTH, PREFIX_BOOST, parseQuery, type QueryWord } from './queryPlan.ts';

/** One term's postings: document numbers ascending, and lunr's weight summed over fields (in thousandths). */
export interface Postings {
  docs: Int32Array;
  weights: Int32Array;
}

/** Where terms come from: the sharded files in a browser, the same files in memory at build time. */
export interface TermSource {
  docCount(): Promise<number>;
  postings(term: string): Promise<Postings | undefined>;
  /** Terms starting with `prefix`, sorted. */
  termsWithPrefix(prefix: string): Promise<string[]>;
  /** Terms within one edit of `term` (lunr's fuzzy match). */
  fuzzyTerms(term: string): Promise<string[]>;
  /** The precomputed answer for a one-word query still being typed, when the build made one. */
  digest?(prefix: string): Promise<DigestGroup[string] | undefined>;
}

/** How a word matched, for highlighting: a whole term or a term prefix. */
export type Matcher = { term: string } | { prefix: string };

export interface SearchResult {
  /** Documents matched in all. */
  total: number;
  /** The best `limit` documents, best first. Scores are absent when a digest answered. */
  hits: { doc: number; score?: number }[];
  matchers: Matcher[];
  /** True when a word matched only through the one-typo fallback. */
  fuzzy: boolean;
}

export interface SearchOptions {
  limit: number;
  /** Answer one-word queries from the build's digests when they can (off when making them). */
  useDigests?: boolean;
}

interface Expansion {
  boost: number;
  /** Bit i set when query word i expanded to this term. */
  words: number;
}

const EMPTY: SearchResult = { total: 0, hits: [], matchers: [], fuzzy: false };

/**
 * Runs a query as lunr would run these clauses: per word, the whole word (EXACT_BOOST) and,
 * for the word being typed, its completions (`word*`, PREFIX_BOOST); a word that matches
 * nothing falls back to the longest term it starts with, then to terms one edit away. Every
 * word must match (lunr's scores, then a filter, as each word may match several terms). A
 * one-word query being typed is answered from a digest when the build made one.
 */
export async function search(source: TermSource, text: string, options: SearchOptions): Promise<SearchResult> {
  const words = parseQuery(text);
  if (words.length === 0) return EMPTY;

  if (options.useDigests && source.digest && words.length === 1 && words[0]!.prefix && options.limit <= DIGEST_RESULTS) {
    const digest = await source.digest(words[0]!.prefix);
    if (digest) {
      return {
        total: digest[0]!,
        hits: digest.slice(1, options.limit + 1).map((doc) => ({ doc })),
        matchers: wordMatchers(words[0]!),
        fuzzy: false,
      };
    }
  }

  const expansions = new Map<string, Expansion>();
  const matchers: Matcher[] = [];
  let fuzzy = false;
  for (let i = 0; i < words.length; i++) {
    const found = await expandWord(source, words[i]!);
    if (found.terms.length === 0) return EMPTY;
    fuzzy ||= found.fuzzy;
    matchers.push(...found.matchers);
    for (const [term, boost] of found.terms) {
      const e = expansions.get(term);
      if (e) {
        e.boost += boost;
        e.words |= 1 << i;
      } else expansions.set(term, { boost, words: 1 << i });
    }
  }
  const { total, hits } = await score(source, expansions, (1 << words.length) - 1, options.limit);
  return { total, hits, matchers, fuzzy };
}

/** A word's clauses as lunr would expand them, with the fallbacks when nothing matches. */
async function expandWord(source: TermSource, word: QueryWord): Promise<{ terms: [string, number][]; matchers: Matcher[]; fuzzy: boolean }> {
  const terms: [string, number][] = [];
  if (word.exact && (await source.postings(word.exact))) terms.push([word.exact, EXACT_BOOST]);
  if (word.prefix) for (const term of await source.termsWithPrefix(word.prefix)) terms.push([term, PREFIX_BOOST]);
  if (terms.length > 0) return { terms, matchers: wordMatchers(word), fuzzy: false };

  // A word being typed can run past its stem ("securit" for "secur"): the longest prefix of the
  // word that is itself a term stands in for it.
  for (let end = word.trimmed.length - 1; end >= FALLBACK_MIN_LENGTH - 1 && word.trimmed.length >= FALLBACK_MIN_LENGTH; end--) {
    const stem = word.trimmed.slice(0, end);
    if (await source.postings(stem)) return { terms: [[stem, FALLBACK_BOOST]], matchers: [{ term: stem }], fuzzy: false };
  }

  // One typo ("djnago"), with lunr's edit distance 1.
  const base = word.exact ?? word.trimmed;
  if (base.length < FALLBACK_MIN_LENGTH) return { terms: [], matchers: [], fuzzy: false };
  const near = await source.fuzzyTerms(base);
  return { terms: near.map((t) => [t, FALLBACK_BOOST]), matchers: near.map((term) => ({ term })), fuzzy: near.length > 0 };
}

function wordMatchers(word: QueryWord): Matcher[] {
  const matchers: Matcher[] = [];
  if (word.exact) matchers.push({ term: word.exact });
  if (word.prefix) matchers.push({ prefix: word.prefix });
  return matchers;
}

// Scratch space reused across queries: one slot per document.
let scores = new Float64Array(0);
let masks = new Int32Array(0);

async function score(
  source: TermSource,
  expansions: Map<string, Expansion>,
  allWords: number,
  limit: number,
): Promise<{ total: number; hits: { doc: number; score: number }[] }> {
  const docCount = await source.docCount();
  const entries = [...expansions];
  const postings = await Promise.all(entries.map(([term]) => source.postings(term)));
  // From here on nothing awaits, so overlapping queries cannot share the scratch arrays.
  if (scores.length < docCount) {
    scores = new Float64Array(docCount);
    masks = new Int32Array(docCount);
  }
  let sumOfSquares = 0;
  const touched: number[] = [];
  entries.forEach(([, { boost, words }], i) => {
    sumOfSquares += boost * boost;
    const list = postings[i];
    if (!list) return;
    const { docs, weights } = list;
    for (let j = 0; j < docs.length; j++) {
      const doc = docs[j]!;
      if (masks[doc] === 0) touched.push(doc);
      masks[doc]! |= words;
      // lunr's weight is Math.round(score * 1000) / 1000: the same division, the same number.
      scores[doc]! += boost * (weights[j]! / 1000);
    }
  });
  const magnitude = Math.sqrt(sumOfSquares);
  // The best `limit`, kept sorted (best first; equal scores in document order).
  const hits: { doc: number; score: number }[] = [];
  let total = 0;
  for (const doc of touched) {
    if (masks[doc] === allWords) {
      total++;
      const value = scores[doc]! / magnitude;
      const worst = hits[hits.length - 1];
      if (hits.length < limit || value > worst!.score || (value === worst!.score && doc < worst!.doc)) {
        let at = hits.length;
        while (at > 0 && (hits[at - 1]!.score < value || (hits[at - 1]!.score === value && hits[at - 1]!.doc > doc))) at--;
        hits.splice(at, 0, { doc, score: value });
        if (hits.length > limit) hits.pop();
      }
    }
    scores[doc] = 0;
    masks[doc] = 0;
  }
  return { total, hits };
}
