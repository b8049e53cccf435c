// The one place where the bench meets parts of the generator that other branches are still
// writing (search in src/search/, the link checker in src/links/ and src/cli/check-links.ts).
// Each step asks here; "undefined" means the part has not landed and the step prints
// "not available yet". Point these at the real functions when they are merged.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Through the launcher `npm run build` and `npm run check-links` use (src/cli/launch.mjs).
const ourCli = (cli: string, args: string[]) => ({
  command: process.execPath,
  args: [path.join(projectRoot, 'src', 'cli', 'launch.mjs'), cli.replace(/\.ts$/, ''), ...args],
});

/** Our search, as the reader's browser uses it, driven from Node. */
export interface OurSearch {
  /** Every published file of the index (paths relative to the site folder), for raw and gzip sizes. */
  indexFiles(siteDir: string): string[];
  /**
   * Loads the search client as a reader's browser does on first focus, reading every file
   * (scripts, index, display data) through `fetchFile` (a path relative to the site folder),
   * and returns a function that runs one query and resolves to the number of results, with
   * what the results list needs to show the first ones already loaded.
   */
  open(fetchFile: (sitePath: string) => Promise<Uint8Array>): Promise<(query: string) => Promise<number>>;
}

/**
 * Our search as the reader's worker runs it (src/search/browser/), in Node: the worker script
 * and then each index file the query needs, all read through `fetchFile` so they are counted.
 */
export async function loadOurSearch(): Promise<OurSearch | undefined> {
  const { IndexReader } = await import('../src/search/browser/indexReader.ts');
  const { search } = await import('../src/search/browser/engine.ts');
  const { presentResults } = await import('../src/search/browser/results.ts');
  const { SEARCH_INDEX_DIR } = await import('../src/search/storeFiles.ts');
  const { gunzipSync } = await import('node:zlib');
  const { readdirSync, statSync } = await import('node:fs');
  const indexDir = SEARCH_INDEX_DIR.split(path.sep).join('/');
  return {
    indexFiles(siteDir) {
      const dir = path.join(siteDir, SEARCH_INDEX_DIR);
      return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(path.join(dir, f)).isFile())
        .map((f) => `${indexDir}/${f.split(path.sep).join('/')}`);
    },
    async open(fetchFile) {
      await fetchFile('assets/search-worker.js');
      const reader = new IndexReader(async (name) => {
        const stored = await fetchFile(`${indexDir}/${name}`);
        return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
      });
      return async (query) => {
        const result = await search(reader, query, { limit: 10, useDigests: true });
        // What the results list shows (titles, headings, excerpts) is loaded too.
        await presentResults(reader, result);
        return result.total;
      };
    },
  };
}

/** The internal link check as editors and CI run it: `npm run check-links -- --input=DIR --output=DIR`. */
export function linkCheckCommand(inputDir: string, siteDir: string): { command: string; args: string[] } | undefined {
  const cli = path.join(projectRoot, 'src', 'cli', 'check-links.ts');
  if (!existsSync(cli)) return undefined;
  return ourCli('check-links.ts', [`--input=${inputDir}`, `--output=${siteDir}`]);
}

/** Our build as `npm run build -- --input=DIR --output=DIR` runs it, without npm's own start-up in the timing. */
export function buildCommand(inputDir: string, siteDir: string): { command: string; args: string[] } {
  return ourCli('build.ts', [`--input=${inputDir}`, `--output=${siteDir}`, '--quiet']);
}

/**
 * The dev server as `npm start -- --input=DIR --output=DIR --port=N` runs it. Run it from a
 * folder that contains DIR: Eleventy's watcher misses changes to an input folder outside the
 * working folder.
 */
export function devServerCommand(inputDir: string, siteDir: string, port: number): { command: string; args: string[] } {
  return ourCli('build.ts', ['--serve', `--input=${inputDir}`, `--output=${siteDir}`, `--port=${port}`]);
}

/** The floor: plain Eleventy 3 with a one-line layout (bench/floor/). */
export function floorCommand(inputDir: string, siteDir: string): { command: string; args: string[] } {
  const eleventy = path.join(projectRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const config = path.join(projectRoot, 'bench', 'floor', 'eleventy.config.mjs');
  return { command: process.execPath, args: [eleventy, `--config=${config}`, `--input=${inputDir}`, `--output=${siteDir}`, '--quiet'] };
}
