// The build never writes over or deletes what it did not make, and a failed build leaves the
// published site as it was.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { siteFiles } from '../helpers/builtSite.ts';
import { pollPage, startDevServer } from '../helpers/devServer.ts';
import { STACK_TRACE } from '../helpers/console.ts';
import { fixturesDir, runCli, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';


/** A fresh copy of a fixture in a temporary folder: `root/content`. */
function copyFixture(name: string): { root: string; content: string } {
  const root = scratch.keep(tempDir());
  const content = path.join(root, 'content');
  cpSync(path.join(fixturesDir, name), content, { recursive: true });
  return { root, content };
}

/** Every file under a folder with its bytes, to prove nothing changed. */
const snapshot = (dir: string) => siteFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]);

const scratch = scratchFolders();
after(() => scratch.removeAll());

const build = (input: string, output: string) => runCli('build', [`--input=${input}`, `--output=${output}`, '--quiet']);

interface Case {
  run: RunResult;
  output: string;
  before: string[][];
  after: () => string[][];
}
const cases: Record<string, Case> = {};

before(async () => {
  const same = copyFixture('typo-key');
  const parent = copyFixture('typo-key');
  const foreign = copyFixture('typo-key');
  const foreignOut = path.join(foreign.root, 'my-files');
  mkdirSync(foreignOut);
  writeFileSync(path.join(foreignOut, 'thesis.txt'), 'two years of work');
  const file = copyFixture('typo-key');
  const fileOut = path.join(file.root, 'notes.txt');
  writeFileSync(fileOut, 'notes');

  // A site published by an earlier build, then a build of broken content into the same folder.
  const published = copyFixture('typo-key');
  const publishedOut = path.join(published.root, 'site');
  const first = await build(published.content, publishedOut);
  assert.equal(first.code, 0, first.stderr);
  cpSync(path.join(fixturesDir, 'unknown-parent'), published.content, { recursive: true });

  const plans: [string, string, string, string][] = [
    ['output is the content folder', same.content, same.content, same.root],
    ['output contains the content folder', parent.content, parent.root, parent.root],
    ['output holds files we did not write', foreign.content, foreignOut, foreign.root],
    ['output is a file', file.content, fileOut, file.root],
    ['content is broken', published.content, publishedOut, publishedOut],
  ];
  const befores = plans.map(([, , , watched]) => snapshot(watched));
  const runs = await Promise.all(plans.map(([, input, output]) => build(input, output)));
  plans.forEach(([name, , , watched], i) => {
    cases[name] = { run: runs[i]!, output: plans[i]![2], before: befores[i]!, after: () => snapshot(watched) };
  });
});

describe('output folder safety', () => {
  const refusals: [string, RegExp][] = [
    ['output is the content folder', /error: the output folder .+ is the content folder; the build would overwrite your pages\.\n {4}Pass another folder with --output=DIR\./],
    ['output contains the content folder', /error: the output folder .+ contains the content folder .+; cleaning it would delete your pages\./],
    ['output holds files we did not write', /error: the output folder .+my-files already holds files this generator did not write; choose an empty or new folder\./],
    ['output is a file', /error: the output .+notes\.txt is a file, not a folder\./],
  ];
  for (const [name, message] of refusals) {
    it(`refuses when the ${name.replace(/^output /, 'output ')}, and changes nothing`, () => {
      const { run, before: was, after } = cases[name]!;
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.deepEqual(after(), was, 'no file added, changed or deleted');
    });
  }

  it('leaves the published site untouched when the content is broken', () => {
    const { run, before: was, after } = cases['content is broken']!;
    assert.equal(run.code, 1);
    assert.match(run.stderr, /frameworks\.md:3: error: parent "Securty" names no page/);
    assert.ok(was.some(([f]) => f === 'child/index.html'), 'the first build published pages');
    assert.deepEqual(after(), was);
    assert.equal(readdirSync(path.join(`${cases['content is broken']!.output}.guidebook`, 'builds')).length, 1, 'no build folder of the failed build is left');
  });
});

describe('files in the output this generator did not write', () => {
  it('are never deleted: the build refuses the folder, naming them', async () => {
    const { root, content } = copyFixture('good-site');
    const output = path.join(root, 'site');
    assert.equal((await build(content, output)).code, 0);
    // A site pushed to a pages branch from the output folder, with a custom domain.
    mkdirSync(path.join(output, '.git', 'refs'), { recursive: true });
    writeFileSync(path.join(output, '.git', 'HEAD'), 'ref: refs/heads/gh-pages\n');
    writeFileSync(path.join(output, 'CNAME'), 'docs.example.org\n');
    const was = snapshot(output);
    const run = await build(content, output);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /error: the output folder .+site holds \.git and CNAME, which this generator did not write; it never deletes them\. Choose another --output, or move them\./);
    assert.deepEqual(snapshot(output), was);
  });

  it('are never deleted from an output folder an earlier version wrote', async () => {
    const { root, content } = copyFixture('good-site');
    const output = path.join(root, 'site');
    mkdirSync(path.join(output, '.git'), { recursive: true });
    writeFileSync(path.join(output, '.guidebook-output'), 'Written by the guidebook generator; the next build replaces this folder.\n');
    writeFileSync(path.join(output, 'index.html'), 'an old build');
    writeFileSync(path.join(output, 'CNAME'), 'docs.example.org\n');
    const run = await build(content, output);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /holds \.git and CNAME, which this generator did not write/);
    assert.equal(readFileSync(path.join(output, 'CNAME'), 'utf8'), 'docs.example.org\n');
    assert.ok(!existsSync(`${output}.guidebook`), 'a refused build leaves no builds folder');
  });
});

describe('builds into one output at once', () => {
  it('a build started while another runs is refused with one line, and the output ends whole', async () => {
    const { root, content } = copyFixture('good-site');
    const output = path.join(root, 'site');
    const full = await build(content, path.join(root, 'reference'));
    assert.equal(full.code, 0, full.stderr);
    const runs = await Promise.all([build(content, output), build(content, output), build(content, output)]);
    for (const run of runs) {
      if (run.code === 0) continue;
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /^error: another build \(process \d+\) is writing .+site; run this one when it has finished \(npm start holds its output folder while it runs\)\. Its lock is .+site\.guidebook\/lock; if no build is running, delete it\.\n/);
    }
    assert.ok(runs.some((run) => run.code === 0), 'one build finished');
    assert.deepEqual(siteFiles(output), siteFiles(path.join(root, 'reference')));
    assert.equal(readdirSync(path.join(`${output}.guidebook`, 'builds')).length, 1);
  });

  it('a build into the output of a running dev server is refused', async () => {
    const { root, content } = copyFixture('good-site');
    const output = path.join(root, 'site');
    const server = await startDevServer(content, output);
    try {
      await pollPage(server, '/', (text) => text.includes('<html'));
      const run = await build(content, output);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /error: another build \(process \d+\) is writing .+site; run this one when it has finished/);
      assert.ok(existsSync(path.join(output, 'index.html')), 'the dev server\'s site is still there');
    } finally {
      server.child.kill('SIGKILL');
    }
    // Its lock is stale once it stopped: the next build takes it over.
    await new Promise((resolve) => server.child.once('close', resolve));
    const run = await build(content, output);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readdirSync(path.join(`${output}.guidebook`, 'builds')).length, 1);
  });
});
