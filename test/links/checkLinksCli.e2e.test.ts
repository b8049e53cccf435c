import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixturesDir, runCli, tempDir, type RunResult } from '../helpers/run.ts';

const broken = path.join(fixturesDir, 'links-broken');
const good = path.join(fixturesDir, 'links-good');
// As editors see the files in messages: relative to the project root the commands run from.
const shown = (fixture: string, file: string) => `test/fixtures/${path.basename(fixture)}/${file}`;

/** Builds a fixture into a new folder, from inside the fixture folder. */
async function build(fixture: string, extra: string[] = []): Promise<RunResult & { outputDir: string }> {
  const outputDir = path.join(tempDir('guidebook-links-'), 'site');
  const result = await runCli('build', ['--input=.', `--output=${outputDir}`, '--quiet', ...extra], { cwd: fixture });
  assert.equal(result.code, 0, result.stderr);
  return { ...result, outputDir };
}

function checkLinks(fixture: string, outputDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return runCli('check-links', [`--input=${path.relative(process.cwd(), fixture)}`, `--output=${outputDir}`, ...extra], { env: { GITHUB_ACTIONS: 'false', ...env } });
}

interface JsonBreak {
  file: string;
  line?: number;
  href: string;
  problem: string;
  suggestion?: string;
  note?: string;
  pages: string[];
}

function parseJson(stdout: string): { ok: boolean; breaks: JsonBreak[] } {
  return JSON.parse(stdout) as { ok: boolean; breaks: JsonBreak[] };
}

/** The planted breaks: file, line, href as written, problem, suggested fix. */
const PLANTED = [
  ['guide/checklist.md', 8, '../deploymnet/', 'no-page', '../deployment/'],
  ['guide/checklist.md', 9, '../deployment/#rolling-back', 'no-anchor', '../deployment/#roll-back-a-release'],
  ['guide/checklist.md', 11, '#sumary', 'no-anchor', '#summary'],
  ['guide/checklist.md', 11, '#uber-cafe', 'no-anchor', '#über-café'],
  ['guide/checklist.md', 14, 'images/flow.png', 'no-file', '../images/flow.png'],
  ['guide/checklist.md', 16, '../deployments/', 'no-page', '../deployment/'],
  ['guide/deployment.md', 6, 'checklist/', 'no-page', '../checklist/'],
  ['guide/deployment.md', 14, 'https://img.shields.io/badge/build-passing-green', 'blocked-image', undefined],
  ['guide/index.md', 9, 'deployment.md', 'no-page', 'deployment/'],
];

const summary = (b: JsonBreak) => [b.file, b.line, b.href, b.problem, b.suggestion];

/** A text report's breaks and advice, errors and warnings alike, files named from `test/fixtures/`. */
const breakLines = (report: string) =>
  report
    .split('\n')
    .filter((l) => / (error|warning): /.test(l) || l.startsWith('    '))
    .map((l) => l.replace(/^.*?(?=test\/fixtures\/)/, '').replace(': warning: ', ': error: '));

describe('npm run check-links on a site with broken links', () => {
  let site: { outputDir: string; stderr: string };
  before(async () => {
    site = await build(broken);
  });

  it('names each break’s Markdown file and line, what is wrong and the fix, grouped by file, and fails', async () => {
    const result = await checkLinks(broken, site.outputDir);
    assert.equal(result.code, 1, result.stderr);
    const out = result.stdout;
    assert.match(out, /^test\/fixtures\/links-broken\/guide\/checklist\.md \(6 broken links\)$/m);
    assert.ok(out.includes(`${shown(broken, 'guide/checklist.md')}:8: error: broken link ../deploymnet/: there is no page /guide/deploymnet/.\n    Did you mean ../deployment/?`), out);
    assert.ok(out.includes(`${shown(broken, 'guide/checklist.md')}:9: error: broken link ../deployment/#rolling-back: /guide/deployment/ has no heading or anchor #rolling-back.\n    Did you mean ../deployment/#roll-back-a-release?`), out);
    assert.ok(out.includes(`${shown(broken, 'guide/checklist.md')}:11: error: broken link #sumary: this page has no heading or anchor #sumary.\n    Did you mean #summary?`), out);
    assert.ok(out.includes(`${shown(broken, 'guide/checklist.md')}:14: error: broken image images/flow.png: there is no image /guide/checklist/images/flow.png.\n    Did you mean ../images/flow.png?`), out);
    assert.ok(out.includes(`${shown(broken, 'guide/index.md')}:9: error: broken link deployment.md: there is no page /guide/deployment.md.\n    Did you mean deployment/? Link to the page’s URL, not to its Markdown file.`), out);
    assert.ok(out.includes(`${shown(broken, 'guide/deployment.md')}:14: error: broken image https://img.shields.io/badge/build-passing-green: it is on another site, and the site's Content-Security-Policy shows only the site's own images, so readers see nothing.\n    Save the image in the repository beside the page`), out);
    assert.match(out, /9 broken links in 3 files/);
    // Working links on the same pages are never reported.
    for (const fine of ['mailto:', 'tel:', 'example.com', '#über-café:', '(deployment)', '../images/flow.png:']) assert.ok(!out.includes(fine), fine);
  });

  it('--format json lists exactly the planted breaks', async () => {
    const result = await checkLinks(broken, site.outputDir, ['--format=json']);
    assert.equal(result.code, 1);
    const report = parseJson(result.stdout);
    assert.equal(report.ok, false);
    assert.deepEqual(report.breaks.map(summary), PLANTED.map(([file, ...rest]) => [shown(broken, file as string), ...rest]));
  });

  it('adds GitHub annotations on the lines when GITHUB_ACTIONS=true', async () => {
    const result = await checkLinks(broken, site.outputDir, [], { GITHUB_ACTIONS: 'true' });
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(annotations.length, PLANTED.length);
    assert.ok(
      annotations.includes(
        `::error file=${shown(broken, 'guide/checklist.md')},line=11,title=Broken link::broken link #uber-cafe: this page has no heading or anchor #uber-cafe. Did you mean #über-café?`,
      ),
      annotations.join('\n'),
    );
  });

  it('npm run build prints the same breaks as warnings and succeeds', async () => {
    const warnings = site.stderr.split('\n').filter((l) => l.includes(': warning: broken'));
    assert.equal(warnings.length, PLANTED.length, site.stderr);
    for (const [file, line, href] of PLANTED) {
      assert.ok(warnings.some((w) => w.includes(`${file}:${line}: warning: broken `) && w.includes(` ${href}: `)), `${file}:${line} ${href}`);
    }
    // The build checks most pages from what the renderer recorded, check-links reads every
    // page back: the same breaks, and none for the anchors only the layout makes (index.md:11).
    assert.deepEqual(breakLines(site.stderr), breakLines((await checkLinks(broken, site.outputDir)).stdout));
  });

  it('names the layout, once, for a link the layout breaks on every page', async () => {
    // As if a layout had a typo in its footer link: rewrite it in every page of a copy.
    const outputDir = path.join(tempDir('guidebook-links-'), 'site');
    cpSync(site.outputDir, outputDir, { recursive: true });
    for (const file of readdirSync(outputDir, { recursive: true }) as string[]) {
      if (!file.endsWith('.html')) continue;
      const full = path.join(outputDir, file);
      writeFileSync(full, readFileSync(full, 'utf8').replaceAll('href="/all-pages/"', 'href="/all-pagez/"'));
    }
    const report = parseJson((await checkLinks(broken, outputDir, ['--format=json'])).stdout);
    const layout = report.breaks.filter((b) => b.file.startsWith('layouts/'));
    assert.deepEqual(
      layout.map((b) => [b.file, b.line, b.href, b.problem, b.suggestion, b.pages.length]),
      [
        ['layouts/page.11ty.ts', undefined, '/all-pagez/', 'no-page', '/all-pages/', 4],
        ['layouts/system-pages.ts', undefined, '/all-pagez/', 'no-page', '/all-pages/', 3],
      ],
    );
    assert.equal(report.breaks.length, PLANTED.length + 2);
  });
});

describe('npm run check-links under a path prefix', () => {
  it('finds the same breaks with prefixed URLs, and a link that climbs above the prefix', async () => {
    const { outputDir, stderr } = await build(broken, ['--pathprefix=/preview/x/']);
    const result = await checkLinks(broken, outputDir, ['--pathprefix=/preview/x/', '--format=json']);
    assert.deepEqual(breakLines(stderr), breakLines((await checkLinks(broken, outputDir, ['--pathprefix=/preview/x/'])).stdout));
    const breaks = parseJson(result.stdout).breaks;
    assert.deepEqual(
      breaks.map(summary),
      [...PLANTED, ['guide/checklist.md', 18, '../../../', 'outside-prefix', '../../']]
        .map(([file, ...rest]) => [shown(broken, file as string), ...rest])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]) || String(a[2]).localeCompare(String(b[2]))),
    );
    assert.ok(breaks.every((b) => b.pages.every((p) => p.startsWith('/preview/x/'))));
  });
});

describe('npm run check-links on a site whose links all work', () => {
  const sites = new Map<string, { outputDir: string; stderr: string }>();
  before(async () => {
    for (const prefix of ['/', '/preview/x/']) sites.set(prefix, await build(good, [`--pathprefix=${prefix}`]));
  });

  for (const prefix of ['/', '/preview/x/']) {
    it(`reports nothing and succeeds (path prefix ${prefix})`, async () => {
      const site = sites.get(prefix)!;
      assert.ok(!site.stderr.includes('broken'), site.stderr);
      const result = await checkLinks(good, site.outputDir, [`--pathprefix=${prefix}`]);
      assert.equal(result.code, 0, result.stdout);
      assert.match(result.stdout, /^No broken links \(checked \d+ links on 7 pages/);
    });
  }

  it('without --pathprefix, a prefixed build is all broken: the check is not blind to the prefix', async () => {
    const result = await checkLinks(good, sites.get('/preview/x/')!.outputDir);
    assert.equal(result.code, 1);
  });

  it('says how to build first when there is no built site', async () => {
    const result = await checkLinks(good, path.join(tempDir(), 'nothing-here'));
    assert.equal(result.code, 2);
    assert.match(result.stderr, /there is no built site in .*nothing-here\. Build it first with `npm run build`/);
    const noContent = await runCli('check-links', ['--input=no-such-folder', `--output=${sites.get('/')!.outputDir}`]);
    assert.equal(noContent.code, 2);
    assert.match(noContent.stderr, /the content folder no-such-folder does not exist\./);
  });
});
