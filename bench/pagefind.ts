// Pagefind, the peer our search is compared with: indexes the same built site, then runs
// Pagefind's own browser client (pagefind.js + its wasm) in Node with fetch() served from disk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiskFetcher, wireBytesOf } from './fetchCounter.ts';
import { runMeasured, type RunCost } from './measure.ts';
import { FIRST_QUERY } from './queries.ts';
import { queryTimesOf, timeQueries, type SearchFigures } from './searchFigures.ts';

/** Pagefind's own binary (shipped in its platform package), so that only Pagefind is measured, not the npm wrapper. */
export function pagefindBinary(): string {
  // The package exports only its entry point (lib/index.js); its folder is one up.
  const pkg = path.dirname(path.dirname(fileURLToPath(import.meta.resolve('pagefind'))));
  const platformPkg = path.join(pkg, '..', '@pagefind', `${process.platform}-${process.arch}`, 'bin');
  for (const name of ['pagefind_extended', 'pagefind']) {
    const candidate = path.join(platformPkg, name);
    if (existsSync(candidate)) return candidate;
  }
  return path.join(pkg, '..', '.bin', 'pagefind');
}

/**
 * Indexes the main content of every page (`--root-selector main`: not the header, sidebar or
 * footer, as our own index does) into `bundleDir`, outside the site.
 */
export function indexWithPagefind(siteDir: string, bundleDir: string): Promise<RunCost> {
  return runMeasured(pagefindBinary(), ['--site', siteDir, '--output-path', bundleDir, '--root-selector', 'main', '--silent']);
}

/** Pagefind's UI files: not part of the index, and not counted (our own UI is in the page's script). */
const UI_FILE = /^pagefind-(component-|modular-)?ui\.(js|css)$|^pagefind-highlight\.js$/;

const BASE = 'http://pagefind.bench.invalid/pagefind/';
let instances = 0;

/** Pagefind's client API, as far as the bench uses it. */
interface PagefindClient {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
  destroy?(): Promise<void>;
}

/** Bytes to a first result (the search plus the first 5 result fragments, as Pagefind's UI shows) and query times. */
export async function measurePagefind(bundleDir: string, queries: readonly string[], repeats = 3): Promise<SearchFigures> {
  const index = { files: 0, rawBytes: 0, gzipBytes: 0 };
  for (const file of listFiles(bundleDir)) {
    if (UI_FILE.test(path.basename(file))) continue;
    index.files++;
    index.rawBytes += statSync(file).size;
    index.gzipBytes += wireBytesOf(readFileSync(file));
  }

  const realFetch = globalThis.fetch;
  try {
    let firstResult: SearchFigures['firstResult'] | undefined;
    const times: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const fetcher = new DiskFetcher(bundleDir);
      // As with fetch, a file that cannot be read rejects the promise rather than throwing.
      globalThis.fetch = (input: string | URL | Request) =>
        new Promise<Response>((resolve) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          resolve(new Response(fetcher.read(url.pathname.replace(/^\/pagefind\//, ''))));
        });
      // A fresh module instance per repeat: a client with nothing loaded yet.
      fetcher.count('pagefind.js');
      const pagefind = (await import(`${pathToFileURL(path.join(bundleDir, 'pagefind.js')).href}?instance=${++instances}`)) as PagefindClient;
      await pagefind.options({ basePath: BASE });
      await pagefind.init();
      const first = await pagefind.search(FIRST_QUERY);
      await Promise.all(first.results.slice(0, 5).map((r) => r.data()));
      firstResult ??= { query: FIRST_QUERY, hits: first.results.length, ...fetcher.fetched };
      await timeQueries(async (q) => (await pagefind.search(q)).results.length, queries, times);
      await pagefind.destroy?.();
    }
    return { index, firstResult: firstResult!, query: queryTimesOf(times) };
  } finally {
    globalThis.fetch = realFetch;
  }
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files;
}
