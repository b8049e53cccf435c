// `npm run bench [-- --pages 1000,10000] [--runs 3] [--warmup 1] [--out FILE] [--no-dev] [--update-docs] [--keep] [--from FILE]`
//
// Generates corpora into a temporary folder and measures, in one run: our build beside the floor
// (plain Eleventy 3, one-line layout), the output, our search beside Pagefind over the same
// output, the internal link check, and the dev server. See docs/benchmarks.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCommand, floorCommand, linkCheckCommand, loadOurSearch, projectRoot } from './adapters.ts';
import { commitCorpus, makeCorpus } from './corpus.ts';
import { measureDevServer } from './devServer.ts';
import { runMeasured } from './measure.ts';
import { outputSizeOf } from './outputSize.ts';
import { measureOurSearch } from './ourSearch.ts';
import { indexWithPagefind, measurePagefind } from './pagefind.ts';
import { queriesFor } from './queries.ts';
import type { BenchResult, BuildCost, SizeResult } from './results.ts';
import { spreadOf } from './stats.ts';
import { notAvailable, runStep, skipped } from './steps.ts';
import { formatHeader, formatTable } from './table.ts';

const DOCS_FILE = path.join(projectRoot, 'docs', 'benchmarks.md');
const DOCS_START = '<!-- bench:start -->';
const DOCS_END = '<!-- bench:end -->';

interface Options {
  /** Print (and with --update-docs, write) the table of an earlier `--out` file instead of measuring. */
  from?: string;
  pages: number[];
  runs: number;
  warmup: number;
  out?: string;
  dev: boolean;
  updateDocs: boolean;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string', default: '1000,10000' },
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      out: { type: 'string' },
      'no-dev': { type: 'boolean', default: false },
      'update-docs': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      from: { type: 'string' },
    },
    strict: true,
  });
  const pages = values.pages.split(',').map((p) => Number(p.trim().replace(/_/g, '')));
  if (pages.some((p) => !Number.isInteger(p) || p < 1)) throw new Error(`--pages takes sizes like 1000,10000, not ${values.pages}`);
  const runs = Number(values.runs);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) throw new Error('--runs takes a count ≥ 1 and --warmup ≥ 0');
  return { from: values.from, pages, runs, warmup, out: values.out, dev: !values['no-dev'], updateDocs: values['update-docs'], keep: values.keep };
}

/**
 * Builds with `command` into `siteDir`, cold (the output deleted first, with the builds folder
 * beside it that our `_site` links into); throws on a failed build.
 */
async function coldBuild(which: string, command: { command: string; args: string[] }, siteDir: string) {
  for (const dir of [siteDir, `${siteDir}.guidebook`]) rmSync(dir, { recursive: true, force: true });
  const cost = await runMeasured(command.command, command.args, { cwd: projectRoot });
  if (cost.code !== 0) throw new Error(`${which} build exited with ${cost.code}:\n${cost.stderr.slice(-2000)}`);
  return cost;
}

const costOf = (runs: { seconds: number; peakMiB: number; cpuSeconds: number }[]): BuildCost => ({
  seconds: spreadOf(runs.map((r) => r.seconds)),
  peakMiB: spreadOf(runs.map((r) => r.peakMiB)),
  cpuSeconds: spreadOf(runs.map((r) => r.cpuSeconds)),
});

async function measureSize(pages: number, workDir: string, options: Options): Promise<{ result: SizeResult; corpusDir: string }> {
  console.error(`\n${pages.toLocaleString('en')} pages`);
  const corpusDir = path.join(workDir, `corpus-${pages}`);
  makeCorpus(pages, corpusDir);
  if (!commitCorpus(corpusDir)) console.error('  git not found: the corpus is not committed, so "last updated" dates are not read');
  const oursDir = path.join(workDir, `site-ours-${pages}`);
  const floorDir = path.join(workDir, `site-floor-${pages}`);
  const ours = buildCommand(corpusDir, oursDir);
  const floor = floorCommand(corpusDir, floorDir);

  const build = await runStep('build: ours and floor', async () => {
    for (let i = 0; i < options.warmup; i++) {
      await coldBuild('our', ours, oursDir);
      await coldBuild('the floor', floor, floorDir);
    }
    const oursRuns = [];
    const floorRuns = [];
    for (let i = 0; i < options.runs; i++) {
      // Alternating which goes first spreads any drift of the machine over both.
      if (i % 2 === 0) {
        oursRuns.push(await coldBuild('our', ours, oursDir));
        floorRuns.push(await coldBuild('the floor', floor, floorDir));
      } else {
        floorRuns.push(await coldBuild('the floor', floor, floorDir));
        oursRuns.push(await coldBuild('our', ours, oursDir));
      }
    }
    const o = costOf(oursRuns);
    const f = costOf(floorRuns);
    return {
      ours: o,
      floor: f,
      timeRatio: o.seconds.median / f.seconds.median,
      cpuRatio: o.cpuSeconds.median / f.cpuSeconds.median,
      memoryRatio: o.peakMiB.median / f.peakMiB.median,
    };
  });
  const built = build.status === 'ok';

  const output = await runStep('output size', () =>
    built ? { ours: outputSizeOf(oursDir), floor: outputSizeOf(floorDir) } : notAvailable('the build failed'),
  );

  const queries = queriesFor(corpusDir);
  const pagefind = await runStep('Pagefind over our output', async () => {
    if (!built) return notAvailable('the build failed');
    const bundleDir = path.join(workDir, `pagefind-${pages}`);
    const indexing = await indexWithPagefind(oursDir, bundleDir);
    if (indexing.code !== 0) throw new Error(`pagefind exited with ${indexing.code}: ${indexing.stderr.slice(-1000)}`);
    const figures = await measurePagefind(bundleDir, queries);
    return { ...figures, indexing: { seconds: indexing.seconds, peakMiB: indexing.peakMiB } };
  });

  const search = await runStep('our search', async () => {
    const ourSearch = await loadOurSearch();
    if (!ourSearch) return notAvailable('src/search/ has not landed; wire it in bench/adapters.ts');
    if (!built) return notAvailable('the build failed');
    return measureOurSearch(ourSearch, oursDir, queries);
  });

  const linkCheck = await runStep('internal link check', async () => {
    const command = linkCheckCommand(corpusDir, oursDir);
    if (!command) return notAvailable('src/cli/check-links.ts has not landed');
    if (!built) return notAvailable('the build failed');
    const runs = [];
    for (let i = 0; i < options.runs; i++) {
      const cost = await runMeasured(command.command, command.args, { cwd: projectRoot });
      // The corpus has no broken link: any report is a false alarm.
      if (cost.code !== 0) throw new Error(`check-links exited with ${cost.code} on a corpus without broken links:\n${(cost.stdout + cost.stderr).slice(-2000)}`);
      runs.push(cost);
    }
    return costOf(runs);
  });

  if (!options.keep) {
    for (const dir of [floorDir, path.join(workDir, `pagefind-${pages}`)]) rmSync(dir, { recursive: true, force: true });
  }
  return { result: { pages, build, output, pagefind, search, linkCheck }, corpusDir };
}

function machine(): BenchResult['machine'] {
  const version = (pkg: string) => (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    eleventy: version('@11ty/eleventy'),
    pagefind: version('pagefind'),
  };
}

function updateDocs(text: string): void {
  const doc = readFileSync(DOCS_FILE, 'utf8');
  const start = doc.indexOf(DOCS_START);
  const end = doc.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error(`${DOCS_FILE} lacks the ${DOCS_START} … ${DOCS_END} markers`);
  writeFileSync(DOCS_FILE, `${doc.slice(0, start + DOCS_START.length)}\n${text}\n${doc.slice(end)}`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run bench -- [--pages 1000,10000] [--runs 3] [--warmup 1] [--out FILE] [--no-dev] [--update-docs] [--keep] [--from FILE]`);
    return 2;
  }
  if (options.from) {
    report(JSON.parse(readFileSync(options.from, 'utf8')) as BenchResult, { ...options, out: undefined });
    return 0;
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'guidebook-bench-'));
  console.error(`Working in ${workDir}`);
  const result: BenchResult = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    machine: machine(),
    load: { before: loadavg()[0]!, after: NaN },
    runs: options.runs,
    warmup: options.warmup,
    sizes: [],
    devServer: skipped('--no-dev'),
  };
  try {
    let corpus1k: string | undefined;
    for (const pages of options.pages) {
      const { result: size, corpusDir } = await measureSize(pages, workDir, options);
      result.sizes.push(size);
      if (pages === 1000) corpus1k = corpusDir;
    }
    if (options.dev) {
      console.error('\nDev server, 1,000 pages');
      result.devServer = await runStep('dev server', async () => {
        const corpusDir = corpus1k ?? path.join(workDir, 'corpus-1000');
        if (!corpus1k) makeCorpus(1000, corpusDir);
        return { pages: 1000, ...(await measureDevServer(corpusDir, workDir)) };
      });
    }
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }

  result.load.after = loadavg()[0]!;
  report(result, options);
  return 0;
}

function report(result: BenchResult, options: Options): void {
  const text = `${formatHeader(result)}\n\n${formatTable(result)}`;
  console.log(`\n${text}`);
  if (options.out) writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  if (options.updateDocs) updateDocs(text);
}

process.exitCode = await main();
