import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOne, workerScript } from './bundle.ts';

const searchDir = path.dirname(fileURLToPath(import.meta.url));
const browserDir = path.join(searchDir, 'browser');

/** The scripts readers download, by output name: the box (every page) and the worker (on first use). */
export const SEARCH_SCRIPTS = {
  'search.js': path.join(browserDir, 'ui.ts'),
  'search-worker.js': path.join(browserDir, 'worker.ts'),
};

/** Every source file a reader's script is made from (for the asset version in page URLs). */
export function searchScriptSources(): string[] {
  return readdirSync(browserDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => path.join(browserDir, f));
}

let bundled: Promise<Map<string, Uint8Array>> | undefined;

/**
 * Bundles and minifies the browser code with esbuild, once per process (the dev server reuses
 * it on every rebuild): plain scripts, no framework, lunr only in the worker.
 */
export function bundleSearchScripts(): Promise<Map<string, Uint8Array>> {
  bundled ??= Promise.all(
    Object.entries(SEARCH_SCRIPTS).map(async ([name, entry]) => {
      const bytes = await bundleOne({
        entryPoints: [entry],
        minify: true,
        format: 'iife',
        target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
        legalComments: 'none',
      });
      return [name, bytes] as const;
    }),
  ).then((entries) => new Map(entries));
  return bundled;
}

let indexWorker: Promise<string> | undefined;

/** The indexer's thread (./indexWorker.ts) as one script, bundled once per process. */
export function bundleIndexWorker(): Promise<string> {
  indexWorker ??= workerScript(path.join(searchDir, 'indexWorker.ts'));
  return indexWorker;
}
