// Figures for `npm run bench` (issue 5): how big the index is, what a reader downloads before
// the first result, and how long a query takes once its files are loaded. Everything here
// reads a built site folder; nothing is timed in tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { search } from './browser/engine.ts';
import { fileNames, type DocsChunk } from './browser/format.ts';
import { IndexReader } from './browser/indexReader.ts';
import { BOX_RESULTS, MIN_QUERY } from './browser/resultLimits.ts';
import { presentResults } from './browser/results.ts';
import { diskLoader } from './readStoredIndex.ts';
import { SEARCH_INDEX_DIR } from './storeFiles.ts';

// What the header box shows (a first result means these are shown), and from how many characters it queries.
const SHOWN_RESULTS = BOX_RESULTS;
const FIRST_QUERY_LENGTH = MIN_QUERY;

export interface QueryMeasurement {
  query: string;
  /** What had been typed, one character at a time, when the first results showed. */
  firstResultAt: string;
  /**
   * Bytes downloaded (as stored: gzip) from the first focus until those results showed: the
   * worker script and every index file the queries for each keystroke read, including the
   * docs chunks of the results shown. The box script itself is page weight, counted apart.
   */
  bytesBeforeFirstResult: number;
  /** The same, until the results for the whole query showed. */
  bytesForQuery: number;
  /** The query typed in one go (pasted, or a shared /search/?q= link): bytes until its results showed. */
  bytesQueryAtOnce: number;
  /** Results for the whole query. */
  total: number;
}

export interface SearchMeasurement {
  /** Every index file (manifest, term shards, digests, docs chunks, vocabulary). */
  index: { files: number; rawBytes: number; gzipBytes: number };
  /** The box script (every page) and the worker (fetched on first focus), raw and gzipped. */
  scripts: { box: { raw: number; gzip: number }; worker: { raw: number; gzip: number } };
  queries: QueryMeasurement[];
  /** Medians over the queries. */
  bytesBeforeFirstResult: number;
  bytesQueryAtOnce: number;
  /** One query (search and its results' display, files already loaded), over every prefix of every query. */
  queryMs: { median: number; p95: number; runs: number };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(path.join(dir, f)).isFile());
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Queries taken from the site itself when none are given: words of page titles across the site. */
function defaultQueries(siteDir: string): string[] {
  const dir = path.join(siteDir, SEARCH_INDEX_DIR);
  const chunks = readdirSync(path.join(dir, 'd')).length;
  const queries = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const chunk = JSON.parse(gunzipSync(readFileSync(path.join(dir, fileNames.docsChunk(Math.floor((i * chunks) / 12))))).toString()) as DocsChunk;
    const words = chunk.pages[0]![0].toLowerCase().split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
    if (words[0]) queries.add(words[0]);
    if (words.length >= 2) queries.add(`${words[0]} ${words[1]}`);
  }
  return [...queries];
}

/**
 * Measures the search of a built site (`siteDir` is the output folder, e.g. `_site`) in Node,
 * with the same engine and files the reader's worker uses. Typing is simulated one character
 * at a time from a cold cache per query, as a reader who opens a page and types.
 */
export async function measureSearch(
  siteDir: string,
  options: { queries?: string[]; timedRounds?: number } = {},
): Promise<SearchMeasurement> {
  const indexDir = path.join(siteDir, SEARCH_INDEX_DIR);
  let rawBytes = 0;
  let gzipBytes = 0;
  const indexFiles = filesUnder(indexDir);
  for (const file of indexFiles) {
    const stored = readFileSync(path.join(indexDir, file));
    gzipBytes += stored.length;
    rawBytes += gunzipSync(stored).length;
  }
  const script = (name: string) => {
    const raw = readFileSync(path.join(siteDir, 'assets', name));
    return { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  };
  const scripts = { box: script('search.js'), worker: script('search-worker.js') };

  const queries: QueryMeasurement[] = [];
  for (const query of options.queries ?? defaultQueries(siteDir)) {
    let bytes = scripts.worker.gzip;
    const reader = new IndexReader(diskLoader(siteDir, (_name, stored) => (bytes += stored)));
    let firstResultAt = '';
    let bytesBeforeFirstResult = 0;
    let total = 0;
    for (let end = 1; end <= query.length; end++) {
      const typed = query.slice(0, end);
      if (typed.trim().length < FIRST_QUERY_LENGTH) continue;
      const result = await search(reader, typed, { limit: SHOWN_RESULTS, useDigests: true });
      await presentResults(reader, result);
      total = result.total;
      if (total > 0 && !firstResultAt) {
        firstResultAt = typed;
        bytesBeforeFirstResult = bytes;
      }
    }
    let bytesQueryAtOnce = scripts.worker.gzip;
    const fresh = new IndexReader(diskLoader(siteDir, (_name, stored) => (bytesQueryAtOnce += stored)));
    await presentResults(fresh, await search(fresh, query, { limit: SHOWN_RESULTS, useDigests: true }));
    queries.push({ query, firstResultAt, bytesBeforeFirstResult, bytesForQuery: bytes, bytesQueryAtOnce, total });
  }

  // Query time once loaded: every prefix of every query, on one warm reader.
  const warm = new IndexReader(diskLoader(siteDir));
  const typedForms = queries.flatMap(({ query }) =>
    Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)).filter((t) => t.trim().length >= FIRST_QUERY_LENGTH),
  );
  for (const typed of typedForms) await presentResults(warm, await search(warm, typed, { limit: SHOWN_RESULTS, useDigests: true }));
  const times: number[] = [];
  for (let round = 0; round < (options.timedRounds ?? 5); round++) {
    for (const typed of typedForms) {
      const started = performance.now();
      await presentResults(warm, await search(warm, typed, { limit: SHOWN_RESULTS, useDigests: true }));
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const answered = queries.filter((q) => q.firstResultAt);
  return {
    index: { files: indexFiles.length, rawBytes, gzipBytes },
    scripts,
    queries,
    bytesBeforeFirstResult: median(answered.map((q) => q.bytesBeforeFirstResult)),
    bytesQueryAtOnce: median(answered.map((q) => q.bytesQueryAtOnce)),
    queryMs: { median: percentile(times, 50), p95: percentile(times, 95), runs: times.length },
  };
}

export interface BrowserSearchMeasurement {
  /** From focusing the box (the first keystroke, "/") to the first result on screen. */
  firstResultMs: number;
  /** Response body bytes for search from that moment until then: the worker script and index files, as served. */
  bytesBeforeFirstResult: number;
}

/**
 * Measures the real thing in Chromium: opens `pageUrl` (a page of a served site), presses
 * "/", types `query` at once, and waits for the first result. The caller serves the site on
 * 127.0.0.1 and owns the browser.
 */
export async function measureSearchInBrowser(browser: Browser, pageUrl: string, query: string): Promise<BrowserSearchMeasurement> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'load' });
    const sizes: Promise<number>[] = [];
    page.on('response', (response) => {
      // Body bytes as served: index files are stored gzipped; scripts as the server sends them.
      if (/\/assets\/(search\/|search-worker\.js)/.test(response.url())) sizes.push(response.body().then((body) => body.length, () => 0));
    });
    await page.evaluate(() => {
      const marks: Record<string, number> = {};
      (window as unknown as { searchMarks: Record<string, number> }).searchMarks = marks;
      document.getElementById('siteSearchInput')!.addEventListener('focus', () => (marks.focus ??= performance.now()));
      new MutationObserver(() => {
        if (document.querySelector('#siteSearchInputResults [role="option"]')) marks.result ??= performance.now();
      }).observe(document.body, { subtree: true, childList: true });
    });
    await page.keyboard.press('/');
    await page.keyboard.type(query);
    await page.waitForSelector('#siteSearchInputResults [role="option"]');
    const marks = await page.evaluate(() => (window as unknown as { searchMarks: Record<string, number> }).searchMarks);
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return { firstResultMs: marks.result! - marks.focus!, bytesBeforeFirstResult: bytes };
  } finally {
    await context.close();
  }
}
