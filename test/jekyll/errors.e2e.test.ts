import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildSite, fixturesDir } from '../helpers/run.ts';

describe('a Jekyll guide with errors', () => {
  it('names the file, line and tag of a broken include, and writes nothing', async () => {
    const result = await buildSite(path.join(fixturesDir, 'jekyll-broken-include'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /jekyll-broken-include\/_pages\/steps\.md:6: error: `\{% include checklst\.md %\}`: there is no file checklst\.md in _includes\/\.\n {4}Did you mean checklist\.md\?/);
    assert.match(result.stderr, /Nothing was written/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(!existsSync(path.join(result.outputDir, 'index.html')));
  });

  it('names both files when two pages, or a page and a redirect, claim one URL', async () => {
    const result = await buildSite(path.join(fixturesDir, 'jekyll-duplicate-url'));
    assert.equal(result.code, 1);
    assert.match(result.stderr, /_pages\/team\.md:3: error: two pages have the URL \/about\/: \S*jekyll-duplicate-url\/_pages\/about\.md and \S*jekyll-duplicate-url\/_pages\/team\.md\./);
    assert.match(result.stderr, /_pages\/contact\.md:3: error: two pages or redirects claim the URL \/help\/: \S*jekyll-duplicate-url\/help\.md and \S*jekyll-duplicate-url\/_pages\/contact\.md \(redirect_from\)\./);
  });

  it('builds from --input=SITE/_pages, reading ../_config.yml', async () => {
    const result = await buildSite(path.join(fixturesDir, 'jekyll-2018', '_pages'));
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(result.outputDir, 'ato', 'checklist', 'index.html')));
  });
});
