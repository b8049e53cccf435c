// The inverted index with lunr's BM25 weights, computed directly.
//
// lunr.Builder keeps a JavaScript object per term and per document field and a lunr.Token per
// word; at 10,000 pages that took ~20 s. This computes the same numbers with flat typed arrays
// and a memoized pipeline (src/search/browser/analysis.ts), in one pass over the words plus
// one over the postings. The formula, constants and rounding are lunr 2.3.9's
// (Builder.prototype.createFieldVectors and lunr.idf); test/search/buildSearchIndex.test.ts
// checks every weight against lunr's own field vectors.
import { SEARCH_FIELDS, type SearchDocument } from './searchDocuments.ts';
import { EMPTY_TERM, STOP_WORD, TermTable } from './termTable.ts';

/** lunr's BM25 parameters (its defaults). */
const K1 = 1.2;
const B = 0.75;

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

export function buildSearchIndex(documents: readonly Pick<SearchDocument, 'fields' | 'boost'>[]): SearchIndexData {
  const fieldCount = SEARCH_FIELDS.length;
  const docCount = documents.length;
  const table = new TermTable();
  // Per term: the entry (document field) that last counted it, and that entry's number.
  const lastEntryOf = new IntList();
  // One entry per (document field, term) with its term frequency, made field after field;
  // entriesEnd[fieldRef] is where a document field's entries end (fieldRef = doc * fields + field).
  const entryTerm = new IntList();
  const entryTf = new IntList();
  const fieldLength = new Int32Array(docCount * fieldCount);
  const entriesEnd = new Int32Array(docCount * fieldCount);
  let fieldRef = 0;

  for (let d = 0; d < docCount; d++) {
    const doc = documents[d]!;
    for (let f = 0; f < fieldCount; f++, fieldRef++) {
      const firstEntry = entryTerm.length;
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
        if (last >= firstEntry) entryTf.data[last]!++;
        else {
          lastEntryOf.data[id] = entryTerm.push(id);
          entryTf.push(1);
        }
      }
      fieldLength[fieldRef] = length;
      entriesEnd[fieldRef] = entryTerm.length;
    }
  }

  // lunr.idf counts a document once per field that contains the term.
  const names = table.terms;
  const termCount = names.length;
  const fieldsWithTerm = new Int32Array(termCount);
  for (let e = 0; e < entryTerm.length; e++) fieldsWithTerm[entryTerm.data[e]!]!++;

  const averageLength = SEARCH_FIELDS.map((_, f) => {
    let sum = 0;
    for (let d = 0; d < docCount; d++) sum += fieldLength[d * fieldCount + f]!;
    return sum / docCount;
  });
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const x = (docCount - fieldsWithTerm[t]! + 0.5) / (fieldsWithTerm[t]! + 0.5);
    idf[t] = Math.log(1 + Math.abs(x));
  }

  // Each entry's weight, put straight into its term's place (a stable counting sort, so
  // documents stay ascending and a document's fields together). The entries are read in the
  // order they were made: reading them in term order would jump around millions of entries.
  const entryCount = entryTerm.length;
  const start = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) start[t + 1] = start[t]! + fieldsWithTerm[t]!;
  const fill = start.slice(0, termCount);
  const postingDoc = new Int32Array(entryCount);
  const postingWeight = new Int32Array(entryCount);
  const fieldBoost = SEARCH_FIELDS.map((field) => field.boost);
  for (let ref = 0, e = 0; ref < docCount * fieldCount; ref++) {
    const d = Math.floor(ref / fieldCount);
    const f = ref % fieldCount;
    const length = fieldLength[ref]!;
    const docBoost = documents[d]!.boost || 1;
    for (; e < entriesEnd[ref]!; e++) {
      const t = entryTerm.data[e]!;
      const tf = entryTf.data[e]!;
      let score = (idf[t]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / averageLength[f]!)) + tf);
      score *= fieldBoost[f]!;
      score *= docBoost;
      const k = fill[t]!++;
      postingDoc[k] = d;
      postingWeight[k] = Math.round(score * 1000);
    }
  }
  // Then sum each document's field weights, in place.
  const docsOf: Int32Array[] = new Array(termCount);
  const weightsOf: Int32Array[] = new Array(termCount);
  for (let t = 0; t < termCount; t++) {
    let n = start[t]!;
    for (let k = start[t]!; k < start[t + 1]!; k++) {
      if (n > start[t]! && postingDoc[n - 1] === postingDoc[k]) postingWeight[n - 1]! += postingWeight[k]!;
      else {
        postingDoc[n] = postingDoc[k]!;
        postingWeight[n++] = postingWeight[k]!;
      }
    }
    docsOf[t] = postingDoc.subarray(start[t]!, n);
    weightsOf[t] = postingWeight.subarray(start[t]!, n);
  }

  const order = Array.from({ length: termCount }, (_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : 1));
  return {
    docCount,
    terms: order.map((i) => names[i]!),
    docs: order.map((i) => docsOf[i]!),
    weights: order.map((i) => weightsOf[i]!),
  };
}
