// Text to terms, exactly as lunr does it, for the build (indexing) and the reader (queries).
import lunr from 'lunr';

/**
 * Where words split. lunr's default separator is whitespace and hyphens; we also split on
 * slashes, dots and the other punctuation that joins words in guidance ("Sinatra/Padrino",
 * "flask.pocoo.org", "a,b"), so each part is found. Apostrophes and underscores stay inside
 * words; the trimmer removes what is left at a word's ends.
 */
export const TOKEN_SEPARATOR = /[\s\-–—/\\|.,;:!?()[\]{}<>"“”`=+*&^%$#@~]+/;

/** A run of characters between separators: one token. */
const WORD = new RegExp(`[^${TOKEN_SEPARATOR.source.slice(1, -2)}]+`, 'g');

/**
 * lunr's tokenizer with our separator: lower-case the whole text, then split. Returns plain
 * strings: building lunr.Token objects for millions of words is what made lunr slow here.
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** What a word's ends may not be: anything but letters, combining marks, digits and "_". */
const NOT_WORD_START = /^[^\p{L}\p{M}\p{N}_]+/u;
const NOT_WORD_END = /[^\p{L}\p{M}\p{N}_]+$/u;

/**
 * lunr's trimmer (punctuation off a word's ends) for every script: lunr's own keeps only
 * A–Z, 0–9 and _ at the ends, so "café" was indexed as "caf" and Japanese not at all.
 * A lunr pipeline function like the one it replaces.
 */
export function trimmer(token: lunr.Token): lunr.Token {
  return token.update((text) => text.replace(NOT_WORD_START, '').replace(NOT_WORD_END, ''));
}
lunr.Pipeline.registerFunction(trimmer, 'guidebookTrimmer');

/** The indexing pipeline, run through lunr itself so the semantics cannot drift. */
export const INDEX_PIPELINE = [trimmer, lunr.stopWordFilter, lunr.stemmer];
const indexPipeline = new lunr.Pipeline();
indexPipeline.add(...INDEX_PIPELINE);

const termMemo = new Map<string, string | null>();

/**
 * Longer tokens are not indexed (they count in the field length, as punctuation does): no reader
 * types them, and a 70,000-character run of one letter made the prefix digests quadratic.
 */
export const MAX_TERM_LENGTH = 80;

/**
 * The index term of one token (trimmed, stop words removed, Porter-stemmed), or null for a
 * stop word. Memoized: a site has far fewer distinct words than words, and the stemmer is the
 * costly step. The empty string is a valid result (a token of only punctuation, or one longer
 * than MAX_TERM_LENGTH): lunr counts it in the field length, so the caller must too.
 */
export function termOf(token: string): string | null {
  if (token.length > MAX_TERM_LENGTH) return '';
  let term = termMemo.get(token);
  if (term === undefined) {
    const out = indexPipeline.run([new lunr.Token(token, {})]);
    term = out.length > 0 ? out[0]!.toString() : null;
    termMemo.set(token, term);
  }
  return term;
}

/** The trimmer alone: what a prefix query matches against (the word as typed, not a stem). */
export function trimToken(token: string): string {
  return trimmer(new lunr.Token(token, {})).toString();
}

/** How many characters the trimmer takes off each end of a word: [start, end]. */
export function trimmedLengths(word: string): [number, number] {
  return [word.length - word.replace(NOT_WORD_START, '').length, word.length - word.replace(NOT_WORD_END, '').length];
}

/** Terms of the vocabulary within one edit (lunr's fuzzy matching: insert, delete, substitute, transpose). */
export function fuzzyMatches(vocabulary: LunrTokenSet, term: string): string[] {
  const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;
  return vocabulary.intersect(TokenSet.fromFuzzyString(term, 1)).toArray();
}

/** A lunr TokenSet (a minimized automaton) of sorted terms. */
export function vocabularySet(sortedTerms: string[]): LunrTokenSet {
  const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;
  return TokenSet.fromArray(sortedTerms);
}

export type LunrTokenSet = lunr.TokenSet;
// @types/lunr declares these static methods as instance methods.
interface TokenSetStatics {
  fromArray(terms: string[]): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
}
