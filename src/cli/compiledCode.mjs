// @ts-check
// One-off commands (`npm run build`, `npm run check-links`) run our TypeScript compiled ahead of
// time by esbuild into a few JavaScript files, cached under node_modules/.cache. Through tsx,
// every module Node loads waits on tsx's loader thread: about 0.25 s of each build's start-up.
// The cache is keyed by the size and modification time of every source file, so a run after any
// edit compiles again first (about 0.1 s). Plain JavaScript: this runs before any TypeScript can.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The compiled commands, by output name (the build imports the Eleventy configuration itself). */
export const COMPILED_ENTRIES = {
  build: 'src/cli/build.ts',
  'check-links': 'src/cli/check-links.ts',
};

/** What the compiled code is made from: a change to any of these files compiles it again. */
const SOURCE_FOLDERS = ['src', 'layouts'];
const SOURCE_FILES = ['.eleventy.ts', 'node_modules/esbuild/package.json'];

/** Compiled copies not used for this long are removed (a build that started earlier is long done). */
const PRUNE_AFTER_MS = 60 * 60 * 1000;

/**
 * @typedef {object} CodeCacheOptions
 * @property {string} [projectRoot] the folder holding `src/` and `node_modules/`
 */

/**
 * The URL of a compiled command (`build`, `check-links`), compiling first when a source file has
 * changed; undefined when the code cannot be compiled or cached here, and tsx should run it.
 * @param {string} name
 * @param {CodeCacheOptions} [options]
 * @returns {Promise<string | undefined>}
 */
export async function compiledEntry(name, options = {}) {
  if (!Object.hasOwn(COMPILED_ENTRIES, name)) return undefined;
  const root = options.projectRoot ?? defaultRoot;
  const dir = path.join(codeCacheDir(root), sourceStamp(root));
  try {
    if (!existsSync(path.join(dir, `${name}.js`))) await compileInto(root, dir);
  } catch {
    // A syntax error, or a read-only node_modules: tsx runs the sources and reports any error.
    return undefined;
  }
  return pathToFileURL(path.join(dir, `${name}.js`)).href;
}

/** Inside node_modules, so that the compiled code finds the packages it imports. */
export function codeCacheDir(root = defaultRoot) {
  return path.join(root, 'node_modules', '.cache', 'guidebook', 'code');
}

/**
 * A short hash of every source file's path, size and modification time.
 * @param {string} root
 */
export function sourceStamp(root) {
  const hash = createHash('sha256');
  const add = (/** @type {string} */ file) => {
    const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stat ? `${stat.size}\0${stat.mtimeMs}` : '-'}\n`);
  };
  for (const folder of SOURCE_FOLDERS) {
    if (!existsSync(path.join(root, folder))) continue;
    const files = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|mjs)$/.test(f))
      .sort();
    for (const file of files) add(path.join(folder, file));
  }
  for (const file of SOURCE_FILES) add(file);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Compiles into a fresh folder and moves it into place whole, so that builds running at the same
 * time (the tests run many) never see half a copy.
 * @param {string} root
 * @param {string} dir
 */
async function compileInto(root, dir) {
  const { build } = await import('esbuild');
  const cacheDir = path.dirname(dir);
  mkdirSync(cacheDir, { recursive: true });
  const staging = path.join(cacheDir, `.new-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await build({
      absWorkingDir: root,
      entryPoints: COMPILED_ENTRIES,
      outdir: staging,
      bundle: true,
      // Code only some runs need (a Jekyll guide's) stays in chunks of its own, loaded on demand.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
      plugins: [sourceLocationPlugin],
    });
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process finished the same copy first.
    if (existsSync(path.join(dir, 'build.js'))) return;
    throw error;
  }
  pruneOldCopies(cacheDir, dir);
}

/**
 * Modules find files beside their sources (layouts, the browser scripts) from `import.meta.url`:
 * each module keeps its source file's URL, wherever the bundle puts its code.
 * @type {import('esbuild').Plugin}
 */
const sourceLocationPlugin = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * @param {string} cacheDir
 * @param {string} keep
 */
function pruneOldCopies(cacheDir, keep) {
  const now = Date.now();
  for (const entry of readdirSync(cacheDir)) {
    const full = path.join(cacheDir, entry);
    if (full === keep) continue;
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > PRUNE_AFTER_MS) rmSync(full, { recursive: true, force: true });
  }
}
