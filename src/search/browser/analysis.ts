// Text to terms, exactly as lunr does it, for the build (indexing) and the reader (queries).
import lunr from 'lunr';

/**
 * Where words split. lunr's default separator is whitespace and hyphens; we also split on
 * slashes, dots and the other punctuation that joins words in guidance ("Sinatra/Padrino",
 * "flask.pocoo.org", "a,b"), so each part is found. Apostrophes and underscores stay inside
 * words; lunr's trimmer removes what is left at a word's ends.
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

// lunr's indexing pipeline, run through lunr itself so the semantics cannot drift.
const indexPipeline = new lunr.Pipeline();
indexPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);

const termMemo = new Map<string, string | null>();

/**
 * The index term of one token (trimmed, stop words removed, Porter-stemmed), or null for a
 * stop word. Memoized: a site has far fewer distinct words than words, and the stemmer is the
 * costly step. The empty string is a valid result (a token of only punctuation): lunr counts
 * it in the field length, so the caller must too.
 */
export function termOf(token: string): string | null {
  let term = termMemo.get(token);
  if (term === undefined) {
    const out = indexPipeline.run([new lunr.Token(token, {})]);
    term = out.length > 0 ? out[0]!.toString() : null;
    termMemo.set(token, term);
  }
  return term;
}

/** lunr's trimmer alone: what a prefix query matches against (a stem would cut "runn" to "runn", not "run"). */
export function trimToken(token: string): string {
  return lunr.trimmer(new lunr.Token(token, {})).toString();
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
