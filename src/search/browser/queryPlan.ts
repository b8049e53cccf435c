// What a reader's query means, before any index is read.
import { termOf, tokenize, trimToken } from './analysis.ts';

/** lunr clause boosts: a whole-word match counts ten times a completion of the word being typed. */
export const EXACT_BOOST = 10;
export const PREFIX_BOOST = 1;
/** Fallbacks (a shorter stem of the typed word, one typo) count like a completion. */
export const FALLBACK_BOOST = 1;
/** The shortest word a stem back-off or a fuzzy pass is tried for: shorter ones match too much. */
export const FALLBACK_MIN_LENGTH = 4;
/** Words after this many are ignored (each word is one bit of a 32-bit mask). */
export const MAX_QUERY_WORDS = 10;
/** The word being typed matches as a prefix from this many characters. */
export const MIN_PREFIX_LENGTH = 2;

export interface QueryWord {
  /** The word lower-cased and trimmed as lunr trims. */
  trimmed: string;
  /** The index term for a whole-word match; undefined for a stop word. */
  exact?: string;
  /** Set on the word still being typed (the last, with no space after it): matched as `prefix*`. */
  prefix?: string;
}

/**
 * Splits a query into words. Every word must match (several words narrow the results); stop
 * words are left out, and so is a last word of one letter that the reader is still typing.
 */
export function parseQuery(text: string): QueryWord[] {
  const tokens = tokenize(text).slice(0, MAX_QUERY_WORDS);
  const typing = text.length > 0 && !/\s$/.test(text);
  const words: QueryWord[] = [];
  tokens.forEach((token, i) => {
    const trimmed = trimToken(token);
    if (trimmed === '') return;
    const isTyped = typing && i === tokens.length - 1;
    if (isTyped && trimmed.length < MIN_PREFIX_LENGTH) return;
    const exact = termOf(token) || undefined;
    const prefix = isTyped ? trimmed : undefined;
    if (exact !== undefined || prefix !== undefined) words.push({ trimmed, exact, prefix });
  });
  return words;
}
