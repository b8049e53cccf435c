import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bundleIndexWorker } from '../../src/search/bundleSearchScripts.ts';
import { SEARCH_INDEX_DIR } from '../../src/search/storeFiles.ts';
import { SiteBuild } from '../../src/build/siteBuild.ts';
import { ContentFormat } from '../../src/content/contentFormat.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

describe('the search index in the dev server', () => {
  it('a rebuild that begins while the last index is being finished supersedes it, without failing', async () => {
    const inputDir = path.join(fixturesDir, 'good-site');
    const outputDir = scratch.keep(tempDir());
    const input = new ContentFormat(inputDir, '/');
    const { search } = new SiteBuild({ input, mode: 'serve', siteDir: outputDir, outputDir, model: input.loadSite({ gitDates: false }) });

    search.prepare();
    const first = search.writeIndex();
    // Once the indexer has started and been asked to finish (its script is bundled once)…
    await bundleIndexWorker();
    await new Promise((resolve) => setImmediate(resolve));
    // …the editor saves again: Eleventy's next build starts before the first index is done.
    search.prepare();
    const second = search.writeIndex();
    await assert.doesNotReject(first);
    await second;

    const indexDir = path.join(outputDir, SEARCH_INDEX_DIR);
    assert.ok(existsSync(path.join(indexDir, 'manifest.bin')), 'the second build wrote no manifest');
    assert.ok(readdirSync(path.join(indexDir, 'd')).length > 0, 'the second build wrote no documents');
  });
});
