import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import lunr from 'lunr';
import { MAX_TERM_LENGTH, TOKEN_SEPARATOR, termOf, tokenize, trimmer } from '../../src/search/browser/analysis.ts';
import { search } from '../../src/search/browser/engine.ts';
import { DIGEST_RESULTS, PAGES_PER_CHUNK, fileNames } from '../../src/search/browser/format.ts';
import { IndexReader } from '../../src/search/browser/indexReader.ts';
import { SearchIndexBuilder, buildSearchIndex } from '../../src/search/buildSearchIndex.ts';
import { docsChunk, type ChunkRecord } from '../../src/search/docsChunks.ts';
import { encodeSearchIndex } from '../../src/search/encodeSearchIndex.ts';
import { manifestFile } from '../../src/search/indexManifest.ts';
import { type EncodeOptions } from '../../src/search/termShards.ts';
import { SEARCH_FIELDS, type PageDisplay } from '../../src/search/searchDocuments.ts';
import { EMPTY_TERM, STOP_WORD, TermTable } from '../../src/search/termTable.ts';
import { assertSameRanking, lunrIndexOf, lunrSearch } from './lunrReference.ts';
import { SAMPLE_QUERIES, sampleDocuments, type SampleDocument } from './sampleDocuments.ts';

const documents = sampleDocuments(400);
const index = buildSearchIndex(documents);
const reference = lunrIndexOf(documents);

async function readerOf(docs: SampleDocument[], options: EncodeOptions): Promise<{ reader: IndexReader; files: Map<string, Uint8Array> }> {
  const pages: PageDisplay[] = [];
  for (const doc of docs) {
    pages[doc.page] ??= { title: `page ${doc.page}`, url: `/${doc.page}/`, crumbs: [], documents: [] };
    pages[doc.page]!.documents.push(['', '', doc.fields.body]);
  }
  // As the build does (src/search/indexWorker.ts, src/search/writeSiteSearch.ts): the docs
  // chunks, then the rest of the index, then the manifest.
  const files = new Map<string, Uint8Array>();
  const chunks: ChunkRecord[] = [];
  for (let c = 0; c * PAGES_PER_CHUNK < pages.length; c++) {
    const { bytes, record } = docsChunk(pages.slice(c * PAGES_PER_CHUNK, (c + 1) * PAGES_PER_CHUNK));
    files.set(fileNames.docsChunk(c), bytes);
    chunks.push(record);
  }
  const manifest = await encodeSearchIndex(buildSearchIndex(docs), chunks, (name, bytes) => files.set(name, bytes), options);
  files.set(...manifestFile(manifest));
  const reader = new IndexReader((name) => {
    const bytes = files.get(name);
    return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`no file ${name}`));
  });
  return { reader, files };
}

describe('tokenizing and the term pipeline', () => {
  it('trims like lunr’s trimmer, but keeps letters of every script', () => {
    const trim = (text: string) => trimmer(new lunr.Token(text, {})).toString();
    for (const word of ['(see', 'also)', '“quoted”', 'c++', 'don\'t', 'x86_64', '—', '...']) {
      assert.equal(trim(word), lunr.trimmer(new lunr.Token(word, {})).toString(), word);
    }
    assert.equal(trim('café'), 'café');
    assert.equal(trim('«日本語»'), '日本語');
  });

  it('splits text exactly as lunr.tokenizer does with our separator', () => {
    const saved = lunr.tokenizer.separator;
    lunr.tokenizer.separator = TOKEN_SEPARATOR;
    try {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '-', '/', '.', ',', '\u00a0', '\t', '—', '_', "'", 'İ', '日', '😀', '*', '<', '&') }), (text) => {
          assert.deepEqual(tokenize(text), lunr.tokenizer(text).map(String));
        }),
        { numRuns: 500 },
      );
    } finally {
      lunr.tokenizer.separator = saved;
    }
  });

  it('gives each token the term of the lunr pipeline (trimmer, stop words, stemmer), in the fast table too', () => {
    const pipeline = new lunr.Pipeline();
    pipeline.add(trimmer, lunr.stopWordFilter, lunr.stemmer);
    const table = new TermTable();
    const text = 'The Running runner runs; “Quoted” (see also) — café naïve ÜBER c++ x86_64 2.3.9 don\'t Sinatra/Padrino the and of';
    const count = table.scan(text);
    const tokens = tokenize(text);
    assert.equal(count, tokens.length);
    tokens.forEach((token, i) => {
      const out = pipeline.run([new lunr.Token(token, {})]).map(String);
      const expected = out.length === 0 ? null : out[0]!;
      assert.equal(termOf(token), expected, token);
      const id = table.ids[i]!;
      assert.equal(id === STOP_WORD ? null : id === EMPTY_TERM ? '' : table.terms[id], expected, token);
    });
  });
});

describe('building the index', () => {
  it('has lunr’s terms, postings and BM25 weights (summed over fields, in thousandths)', () => {
    const inverted = (reference as unknown as { invertedIndex: Record<string, Record<string, Record<string, unknown>> & { _index: number }> }).invertedIndex;
    const vectors = (reference as unknown as { fieldVectors: Record<string, { elements: number[] }> }).fieldVectors;
    assert.deepEqual(index.terms, Object.keys(inverted).filter((t) => t !== '').sort());
    index.terms.forEach((term, t) => {
      const posting = inverted[term]!;
      const expected = new Map<number, number>();
      for (const field of SEARCH_FIELDS) {
        for (const ref of Object.keys(posting[field.name]!)) {
          const elements = vectors[`${field.name}/${ref}`]!.elements;
          let weight = 0;
          for (let i = 0; i < elements.length; i += 2) if (elements[i] === posting._index) weight = elements[i + 1]!;
          expected.set(Number(ref), (expected.get(Number(ref)) ?? 0) + Math.round(weight * 1000));
        }
      }
      const docs = [...expected.keys()].sort((a, b) => a - b);
      assert.deepEqual([...index.docs[t]!], docs, term);
      assert.deepEqual([...index.weights[t]!], docs.map((d) => expected.get(d)), term);
    });
  });

  it('gives the same index when pages arrive one by one, in any order, some twice, some left out', () => {
    const byPage = new Map<number, SampleDocument[]>();
    for (const doc of documents) byPage.set(doc.page, [...(byPage.get(doc.page) ?? []), doc]);
    const keys = [...byPage.keys()];
    const builder = new SearchIndexBuilder();
    builder.addPage('stale', documents.slice(0, 5));
    for (const key of [...keys].reverse()) builder.addPage(String(key), key % 3 === 0 ? documents.slice(0, 3) : byPage.get(key)!);
    for (const key of keys.filter((k) => k % 3 === 0)) builder.addPage(String(key), byPage.get(key)!);
    const kept = keys.filter((k) => k !== 1);
    assert.deepEqual(builder.build(kept.map(String)), buildSearchIndex(kept.flatMap((k) => byPage.get(k)!)));
  });
});

describe('sharded search', () => {
  it('ranks like one whole lunr index, for every query, with shards of any size', async () => {
    for (const shardBytes of [64, 1024, 1 << 20]) {
      const { reader } = await readerOf(documents, { shardBytes, digestMinBytes: Infinity });
      for (const query of SAMPLE_QUERIES) {
        const expected = lunrSearch(reference, query);
        const result = await search(reader, query, { limit: 1000 });
        assert.equal(result.total, expected.length, `${JSON.stringify(query)} with ${shardBytes}-byte shards`);
        assertSameRanking(result.hits, expected, query);
      }
    }
  });

  it('answers the first keystrokes from digests with lunr’s top results, reading no term shard', async () => {
    const { files } = await readerOf(documents, { shardBytes: 256, digestMinBytes: 512 });
    const digested = SAMPLE_QUERIES.filter((q) => /^\S{2,3}$/.test(q));
    let answered = 0;
    for (const query of digested) {
      const read: string[] = [];
      const watched = new IndexReader((name) => {
        read.push(name);
        return Promise.resolve(files.get(name)!);
      });
      const result = await search(watched, query, { limit: DIGEST_RESULTS, useDigests: true });
      const expected = lunrSearch(reference, query);
      assert.equal(result.total, expected.length, query);
      assertSameRanking(result.hits, expected, query);
      if (!read.some((name) => name.startsWith('t/'))) answered++;
    }
    assert.ok(answered >= 5, `only ${answered} of ${digested.length} short queries were answered by a digest`);
  });

  it('leaves a token longer than any word out of the index, and finds the words around it', async () => {
    // A 70,000-letter line once made the digest prefixes quadratic and the build never ended.
    const long = 'x'.repeat(70_000);
    assert.equal(termOf('k'.repeat(MAX_TERM_LENGTH)), 'k'.repeat(MAX_TERM_LENGTH));
    assert.equal(termOf(long), '');
    const docs: SampleDocument[] = [
      { fields: { title: 'Huge', heading: '', body: `django ${long} rails` }, boost: 1, page: 0 },
      { fields: { title: 'Plain', heading: '', body: 'django rails' }, boost: 1, page: 1 },
    ];
    const { reader } = await readerOf(docs, { shardBytes: 64, digestMinBytes: 16 });
    assert.deepEqual((await search(reader, 'rails ', { limit: 10 })).hits.map((h) => h.doc).sort(), [0, 1]);
    assert.equal((await search(reader, 'xx', { limit: 10, useDigests: true })).total, 0);
  });

  it('finds each result’s display data in the docs chunk of its page', async () => {
    const { reader } = await readerOf(documents, { shardBytes: 256, digestMinBytes: Infinity });
    const shown = await reader.display(documents.map((_, i) => i));
    assert.deepEqual(
      shown.map((d) => [d.title, d.text]),
      documents.map((d) => [`page ${d.page}`, d.fields.body]),
    );
  });

  it('reads only the shards a query needs', async () => {
    const { files } = await readerOf(documents, { shardBytes: 256, digestMinBytes: Infinity });
    const read: string[] = [];
    const reader = new IndexReader((name) => {
      read.push(name);
      return Promise.resolve(files.get(name)!);
    });
    await search(reader, 'django', { limit: 10 });
    const shards = [...files.keys()].filter((n) => n.startsWith('t/'));
    assert.ok(shards.length > 20, `${shards.length} shards`);
    assert.deepEqual(read.filter((n) => n.startsWith('t/')).length, 1, read.join(', '));
  });
});
