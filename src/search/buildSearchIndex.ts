// The inverted index with lunr's BM25 weights, computed directly.
//
// lunr.Builder keeps a JavaScript object per term and per document field and a lunr.Token per
// word; at 10,000 pages that took ~20 s. This computes the same numbers with flat typed arrays
// and a memoized pipeline (./termTable.ts): each page's words are counted as soon as the page
// is rendered (`addPage`), then one pass over the counts makes the postings (`build`). The
// formula, constants and rounding are lunr 2.3.9's (Builder.prototype.createFieldVectors and
// lunr.idf); test/search/searchIndex.test.ts checks every weight against lunr's field vectors.
import { SEARCH_FIELDS, type IndexedDocument } from './searchDocuments.ts';
import { EMPTY_TERM, STOP_WORD, TermTable } from './termTable.ts';

/** lunr's BM25 parameters (its defaults). */
const K1 = 1.2;
const B = 0.75;
const FIELD_COUNT = SEARCH_FIELDS.length;

export interface SearchIndexData {
  docCount: number;
  /** Every term, sorted by UTF-16 code units (lunr's order). */
  terms: string[];
  /** Per term (same order): the documents that contain it, ascending. */
  docs: Int32Array[];
  /**
   * Per term and document: lunr's field weights (each rounded to thousandths as lunr does)
   * summed over the fields, stored as an integer number of thousandths.
   */
  weights: Int32Array[];
}

/** An Int32Array that grows as values are pushed. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): number {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

/**
 * A page's documents, counted: per document field (fieldRef = document * fields + field) its
 * length in terms and where its entries end; per entry (a term in a document field) the term
 * and its frequency.
 */
interface CountedPage {
  boosts: number[];
  fieldLength: Int32Array;
  entriesEnd: Int32Array;
  entryTerm: Int32Array;
  entryTf: Int32Array;
}

export class SearchIndexBuilder {
  private readonly table = new TermTable();
  private readonly pages = new Map<string, CountedPage>();
  // Per term: the entry that last counted it, numbered across all pages, so a repeated term
  // within one document field adds to its entry.
  private readonly lastEntryOf = new IntList();
  private entriesSoFar = 0;
  private readonly scratchTerm = new IntList();
  private readonly scratchTf = new IntList();

  /** Counts the terms of one page's documents (a page added again replaces the first). */
  addPage(key: string, documents: readonly IndexedDocument[]): void {
    const { table, lastEntryOf } = this;
    const entryTerm = this.scratchTerm;
    const entryTf = this.scratchTf;
    entryTerm.length = 0;
    entryTf.length = 0;
    const base = this.entriesSoFar;
    const fieldLength = new Int32Array(documents.length * FIELD_COUNT);
    const entriesEnd = new Int32Array(documents.length * FIELD_COUNT);
    let fieldRef = 0;
    for (const doc of documents) {
      for (let f = 0; f < FIELD_COUNT; f++, fieldRef++) {
        const firstEntry = base + entryTerm.length;
        let length = 0;
        const count = table.scan(doc.fields[SEARCH_FIELDS[f]!.name]);
        const ids = table.ids;
        for (let k = 0; k < count; k++) {
          const id = ids[k]!;
          if (id === STOP_WORD) continue;
          // lunr counts every term the pipeline returns, the empty one included…
          length++;
          // …but nobody can search for it, so it gets no posting.
          if (id === EMPTY_TERM) continue;
          while (lastEntryOf.length <= id) lastEntryOf.push(-1);
          const last = lastEntryOf.data[id]!;
          if (last >= firstEntry) entryTf.data[last - base]!++;
          else {
            lastEntryOf.data[id] = base + entryTerm.push(id);
            entryTf.push(1);
          }
        }
        fieldLength[fieldRef] = length;
        entriesEnd[fieldRef] = entryTerm.length;
      }
    }
    this.entriesSoFar += entryTerm.length;
    this.pages.set(key, {
      boosts: documents.map((d) => d.boost || 1),
      fieldLength,
      entriesEnd,
      entryTerm: entryTerm.data.slice(0, entryTerm.length),
      entryTf: entryTf.data.slice(0, entryTf.length),
    });
  }

  /** The index over these pages, in this order (documents are numbered in it). Once: it lets the counts go. */
  build(order: readonly string[]): SearchIndexData {
    const pages = order.map((key) => {
      const page = this.pages.get(key);
      if (!page) throw new Error(`search index: page ${key} was never added`);
      return page;
    });
    this.pages.clear();
    const termCount = this.table.terms.length;
    let docCount = 0;
    let entryCount = 0;
    // lunr.idf counts a document once per field that contains the term.
    const fieldsWithTerm = new Int32Array(termCount);
    const lengthSum = new Float64Array(FIELD_COUNT);
    for (const page of pages) {
      docCount += page.boosts.length;
      entryCount += page.entryTerm.length;
      for (const t of page.entryTerm) fieldsWithTerm[t]!++;
      page.fieldLength.forEach((length, ref) => (lengthSum[ref % FIELD_COUNT]! += length));
    }
    const averageLength = [...lengthSum].map((sum) => sum / docCount);
    const idf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const x = (docCount - fieldsWithTerm[t]! + 0.5) / (fieldsWithTerm[t]! + 0.5);
      idf[t] = Math.log(1 + Math.abs(x));
    }

    // Each entry's weight, put straight into its term's place (a stable counting sort, so
    // documents stay ascending and a document's fields together). The entries are read in the
    // order they were made: reading them in term order would jump around millions of entries.
    const start = new Int32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) start[t + 1] = start[t]! + fieldsWithTerm[t]!;
    const fill = start.slice(0, termCount);
    const postingDoc = new Int32Array(entryCount);
    const postingWeight = new Int32Array(entryCount);
    const fieldBoost = SEARCH_FIELDS.map((field) => field.boost);
    let firstDoc = 0;
    for (const page of pages) {
      const { entryTerm, entryTf, fieldLength, entriesEnd } = page;
      for (let ref = 0, e = 0; ref < fieldLength.length; ref++) {
        const local = Math.floor(ref / FIELD_COUNT);
        const d = firstDoc + local;
        const f = ref % FIELD_COUNT;
        const length = fieldLength[ref]!;
        const docBoost = page.boosts[local]!;
        for (; e < entriesEnd[ref]!; e++) {
          const t = entryTerm[e]!;
          const tf = entryTf[e]!;
          let score = (idf[t]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / averageLength[f]!)) + tf);
          score *= fieldBoost[f]!;
          score *= docBoost;
          const k = fill[t]!++;
          postingDoc[k] = d;
          postingWeight[k] = Math.round(score * 1000);
        }
      }
      firstDoc += page.boosts.length;
    }

    // Then sum each document's field weights, in place; terms only left-out pages had go.
    const names = this.table.terms;
    const kept: number[] = [];
    const docsOf = new Array<Int32Array>(termCount);
    const weightsOf = new Array<Int32Array>(termCount);
    for (let t = 0; t < termCount; t++) {
      if (fieldsWithTerm[t] === 0) continue;
      let n = start[t]!;
      for (let k = start[t]!; k < start[t + 1]!; k++) {
        if (n > start[t]! && postingDoc[n - 1] === postingDoc[k]) postingWeight[n - 1]! += postingWeight[k]!;
        else {
          postingDoc[n] = postingDoc[k]!;
          postingWeight[n++] = postingWeight[k]!;
        }
      }
      docsOf[t] = postingDoc.subarray(start[t], n);
      weightsOf[t] = postingWeight.subarray(start[t], n);
      kept.push(t);
    }

    kept.sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
    return {
      docCount,
      terms: kept.map((t) => names[t]!),
      docs: kept.map((t) => docsOf[t]!),
      weights: kept.map((t) => weightsOf[t]!),
    };
  }
}

/** The index of documents given all at once (numbered in this order). */
export function buildSearchIndex(documents: readonly IndexedDocument[]): SearchIndexData {
  const builder = new SearchIndexBuilder();
  builder.addPage('', documents);
  return builder.build(['']);
}
