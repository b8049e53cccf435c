import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { pollPage, startDevServer, type DevServer } from '../helpers/devServer.ts';
import { fixturesDir, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const scratch = scratchFolders();
after(() => scratch.removeAll());

/** A copy of a fixture the test may edit, and an output folder beside it. */
function editableCopy(fixture: string): { input: string; output: string } {
  const dir = scratch.keep(tempDir());
  const input = path.join(dir, 'content');
  cpSync(path.join(fixturesDir, fixture), input, { recursive: true });
  return { input, output: path.join(dir, 'site') };
}

/**
 * Edits a file as an editor saves it and waits until the page at `url` shows the change. The
 * save is repeated now and then: Eleventy does not wait for its file watcher to be ready before
 * serving, so on a busy machine the first save can come too early to be seen.
 */
async function saveAndWait(server: DevServer, file: string, from: RegExp, to: string, url: string, shows: (html: string) => boolean): Promise<string> {
  const text = readFileSync(file, 'utf8');
  assert.match(text, from);
  let html = '';
  for (let save = 0; save < 4 && !shows(html); save++) {
    writeFileSync(file, text.replace(from, to));
    html = await pollPage(server, url, shows, 15_000);
  }
  return html;
}

const siteName = (html: string) => /<a class="site-name"[^>]*>([^<]*)</.exec(html)?.[1];

describe('npm start: files that are not pages', () => {
  it('shows a new site name from site.yml on every page without a restart', async () => {
    const { input, output } = editableCopy('good-site');
    const server = await startDevServer(input, output);
    try {
      const before = await pollPage(server, '/tables/', (html) => siteName(html) !== undefined);
      assert.equal(siteName(before), 'Fixture Guide');
      const renamed = (html: string) => siteName(html) === 'Renamed Guide';
      assert.equal(siteName(await saveAndWait(server, path.join(input, 'site.yml'), /^name: Fixture Guide$/m, 'name: Renamed Guide', '/tables/', renamed)), 'Renamed Guide');
      assert.equal(siteName(await pollPage(server, '/', renamed)), 'Renamed Guide', 'the home page still shows the old name');
    } finally {
      server.child.kill();
    }
  });

  it('shows an edited Jekyll _config.yml and include in the pages that use them', async () => {
    const { input, output } = editableCopy('jekyll-2018');
    const server = await startDevServer(input, output);
    try {
      const before = await pollPage(server, '/ato/checklist/', (html) => html.includes('usa-alert__text'));
      assert.match(before, /<p class="usa-alert__text">Start at least six weeks before launch\.<\/p>/);
      // One at a time: each must start a rebuild of its own.
      const renamed = await saveAndWait(server, path.join(input, '_config.yml'), /^title: Launch Guide$/m, 'title: Lift-off Guide', '/ato/checklist/', (html) => siteName(html) === 'Lift-off Guide');
      assert.equal(siteName(renamed), 'Lift-off Guide');
      const included = await saveAndWait(server, path.join(input, '_includes', 'callout.html'), /<p class="usa-alert__text">/, '<p class="usa-alert__text">Note: ', '/ato/checklist/', (html) => html.includes('Note: Start'));
      assert.match(included, /<p class="usa-alert__text">Note: Start at least six weeks before launch\.<\/p>/);
    } finally {
      server.child.kill();
    }
  });
});
