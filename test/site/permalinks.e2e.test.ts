// A page's `permalink` decides its address (made absolute, spaces trimmed), and
// `permalink: false` keeps a page out of the site without failing the build.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { readFile, siteFiles } from '../helpers/builtSite.ts';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

describe('permalinks', () => {
  it('publishes a page at its permalink and leaves out a page with permalink: false', async () => {
    const run = await buildSite(path.join(fixturesDir, 'permalinks'));
    scratch.keep(path.dirname(run.outputDir));
    assert.equal(run.code, 0, run.stderr);
    const files = siteFiles(run.outputDir);
    assert.ok(files.includes('checklist/index.html'), files.join(', '));
    assert.ok(!files.some((f) => f.startsWith('guides/')), `nothing at the file's own path: ${files.join(', ')}`);
    assert.ok(!files.some((f) => /draft|false/.test(f)), `the draft is not published: ${files.join(', ')}`);
    assert.match(readFile(run.outputDir, 'checklist/index.html'), /<h1 id="pageTitle">Release checklist<\/h1>/);
    const home = readFile(run.outputDir, 'index.html');
    assert.match(home, /href="\/checklist\/"/);
    assert.doesNotMatch(home, /Draft of the rollback guide/);
  });
});
