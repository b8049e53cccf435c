// The build never writes over or deletes what it did not make, and a failed build leaves the
// published site as it was.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { siteFiles } from '../helpers/builtSite.ts';
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
    cases[name] = { run: runs[i]!, before: befores[i]!, after: () => snapshot(watched) };
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
  });
});
