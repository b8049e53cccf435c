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

export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndexData {
  const fieldCount = SEARCH_FIELDS.length;
  const docCount = documents.length;
  const table = new TermTable();
  // Per term: the entry (document field) that last counted it, and that entry's number.
  const lastEntryOf = new IntList();
  // One entry per (document, field, term): document fields with their term frequency.
  const entryTerm = new IntList();
  const entryDoc = new IntList();
  const entryField = new IntList();
  const entryTf = new IntList();
  const fieldLength = new Int32Array(docCount * fieldCount);
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
          entryDoc.push(d);
          entryField.push(f);
          entryTf.push(1);
        }
      }
      fieldLength[fieldRef] = length;
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

  // Each entry's weight, in the order the entries were made: reading the entry arrays in
  // term order instead would jump around millions of entries (a cache miss per read).
  const entryCount = entryTerm.length;
  const entryWeight = new Int32Array(entryCount);
  const fieldBoost = SEARCH_FIELDS.map((field) => field.boost);
  for (let e = 0; e < entryCount; e++) {
    const d = entryDoc.data[e]!;
    const f = entryField.data[e]!;
    const tf = entryTf.data[e]!;
    const length = fieldLength[d * fieldCount + f]!;
    let score = (idf[entryTerm.data[e]!]! * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (length / averageLength[f]!)) + tf);
    score *= fieldBoost[f]!;
    score *= documents[d]!.boost || 1;
    entryWeight[e] = Math.round(score * 1000);
  }

  // Group by term with a stable counting sort (documents stay ascending, a document's fields
  // stay together), then sum each document's field weights in place.
  const start = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) start[t + 1] = start[t]! + fieldsWithTerm[t]!;
  const fill = start.slice(0, termCount);
  const postingDoc = new Int32Array(entryCount);
  const postingWeight = new Int32Array(entryCount);
  for (let e = 0; e < entryCount; e++) {
    const k = fill[entryTerm.data[e]!]!++;
    postingDoc[k] = entryDoc.data[e]!;
    postingWeight[k] = entryWeight[e]!;
  }
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
