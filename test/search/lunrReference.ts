// The yardstick: one whole lunr index over the same documents, queried with lunr's own
// expansion (TokenSet wildcards and edit distance) and scoring.
import assert from 'node:assert/strict';
import lunr from 'lunr';
import { INDEX_PIPELINE, TOKEN_SEPARATOR } from '../../src/search/browser/analysis.ts';
import { EXACT_BOOST, FALLBACK_BOOST, FALLBACK_MIN_LENGTH, PREFIX_BOOST, parseQuery } from '../../src/search/browser/queryPlan.ts';
import { SEARCH_FIELDS, type IndexedDocument } from '../../src/search/searchDocuments.ts';

export function lunrIndexOf(documents: readonly IndexedDocument[]): lunr.Index {
  const saved = lunr.tokenizer.separator;
  lunr.tokenizer.separator = TOKEN_SEPARATOR;
  try {
    const builder = new lunr.Builder();
    builder.pipeline.add(...INDEX_PIPELINE);
    builder.searchPipeline.add(lunr.stemmer);
    builder.ref('id');
    for (const field of SEARCH_FIELDS) builder.field(field.name, { boost: field.boost });
    documents.forEach((doc, i) => builder.add({ id: String(i), ...doc.fields }, { boost: doc.boost }));
    return builder.build();
  } finally {
    lunr.tokenizer.separator = saved;
  }
}

interface Clause {
  term: string;
  boost?: number;
  wildcard?: number;
  editDistance?: number;
}

const TokenSet = lunr.TokenSet as unknown as { fromClause(clause: object): lunr.TokenSet };

/**
 * Our query rules (every word must match; exact x10, prefix of the word being typed x1; else
 * the longest stem of the word that is a term; else one typo), resolved with lunr's TokenSet
 * and scored by lunr's Index.query.
 */
export function lunrSearch(index: lunr.Index, text: string): { doc: number; score: number }[] {
  const tokenSet = (index as unknown as { tokenSet: lunr.TokenSet }).tokenSet;
  // As lunr.Index.query expands a clause (lunr.Query.clause appends the trailing "*").
  const expand = (clause: Clause) =>
    tokenSet
      .intersect(TokenSet.fromClause(clause.editDistance ? clause : { term: clause.wildcard ? `${clause.term}*` : clause.term }))
      .toArray();
  const words = parseQuery(text);
  if (words.length === 0) return [];
  const clauses: Clause[] = [];
  const wordTerms: Set<string>[] = [];
  for (const word of words) {
    let mine: Clause[] = [];
    if (word.exact && expand({ term: word.exact }).length > 0) mine.push({ term: word.exact, boost: EXACT_BOOST });
    if (word.prefix) {
      const prefix = { term: word.prefix, boost: PREFIX_BOOST, wildcard: lunr.Query.wildcard.TRAILING };
      if (expand(prefix).length > 0) mine.push(prefix);
    }
    if (mine.length === 0 && word.trimmed.length >= FALLBACK_MIN_LENGTH) {
      for (let end = word.trimmed.length - 1; end >= FALLBACK_MIN_LENGTH - 1; end--) {
        const stem = word.trimmed.slice(0, end);
        if (expand({ term: stem }).length > 0) {
          mine = [{ term: stem, boost: FALLBACK_BOOST }];
          break;
        }
      }
    }
    const base = word.exact ?? word.trimmed;
    if (mine.length === 0 && base.length >= FALLBACK_MIN_LENGTH) {
      const fuzzy = { term: base, boost: FALLBACK_BOOST, editDistance: 1 };
      if (expand(fuzzy).length > 0) mine = [fuzzy];
    }
    if (mine.length === 0) return [];
    clauses.push(...mine);
    wordTerms.push(new Set(mine.flatMap(expand)));
  }
  const results = index.query((q) => {
    // lunr reads the mere presence of `editDistance` as a fuzzy clause.
    for (const c of clauses) q.term(c.term, { boost: c.boost, usePipeline: false, ...(c.editDistance ? { editDistance: c.editDistance } : { wildcard: c.wildcard ?? 0 }) });
  });
  return results
    .filter((r) => {
      const matched = Object.keys(r.matchData.metadata);
      return wordTerms.every((terms) => matched.some((t) => terms.has(t)));
    })
    .map((r) => ({ doc: Number(r.ref), score: r.score }));
}

/** Same documents, same scores (to rounding), same order wherever the scores differ. */
export function assertSameRanking(ours: { doc: number; score?: number }[], lunrs: { doc: number; score: number }[], query: string): void {
  const lunrScore = new Map(lunrs.map((r) => [r.doc, r.score]));
  const sorted = lunrs.map((r) => r.score).sort((a, b) => b - a);
  ours.forEach((hit, i) => {
    const expected = lunrScore.get(hit.doc);
    assert.ok(expected !== undefined, `${JSON.stringify(query)}: document ${hit.doc} is not in lunr's results`);
    if (hit.score !== undefined) assert.ok(Math.abs(hit.score - expected) <= 1e-9 * Math.max(1, expected), `${JSON.stringify(query)}: score of ${hit.doc}`);
    assert.ok(Math.abs(expected - sorted[i]!) <= 1e-9 * Math.max(1, expected), `${JSON.stringify(query)}: rank ${i} holds ${hit.doc}, lunr ranks it elsewhere`);
  });
}
