import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { brokenLinks } from './renderGuide.ts';

// A 2016-style guide (18F guides template): the tree only in `_config.yml`'s `navigation:` and
// folders, a `baseurl`, a Ruby symbol in `_config.yml`, a link whose destination holds spaces,
// images under `assets/` linked with `../../assets/…`, links without trailing slashes, and one
// anchor written the GitHub way for a heading id kramdown makes differently.
const guide = path.join(fixturesDir, 'jekyll-2016');

describe('a 2016-style Jekyll guide', () => {
  let built: Awaited<ReturnType<typeof buildSite>>;
  const page = (url: string) => readFileSync(path.join(built.outputDir, url, 'index.html'), 'utf8');
  const sidebar = (url: string) => /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(page(url))![0];

  before(async () => {
    built = await buildSite(guide, ['--report']);
  });

  it('builds with no error, at the URLs Jekyll gave the pages', () => {
    assert.equal(built.code, 0, built.stderr);
    for (const url of ['', 'security', 'security/scanning', 'security/static-analysis', 'security/frameworks', 'ato', 'ato/levels', 'ato/checklist', 'ato/sandbox']) {
      assert.ok(existsSync(path.join(built.outputDir, url, 'index.html')), `no page at /${url}/`);
    }
    // README.md is excluded in _config.yml; `_pages` is not a URL.
    assert.ok(!existsSync(path.join(built.outputDir, 'README')));
    assert.ok(!existsSync(path.join(built.outputDir, '_pages')));
  });

  it('copies assets to the same URLs, file names with spaces included', () => {
    assert.ok(existsSync(path.join(built.outputDir, 'assets', 'Policy Memo 2015.pdf')));
    assert.ok(existsSync(path.join(built.outputDir, 'assets', 'img', 'levels-flow.svg')));
    assert.ok(!existsSync(path.join(built.outputDir, 'Gemfile')), 'Jekyll never publishes the Gemfile');
  });

  it('builds pages with any of Jekyll\'s Markdown extensions', () => {
    assert.match(page('security/frameworks'), /<h1 id="pageTitle">Framework guidelines<\/h1>/);
    assert.match(sidebar('security/frameworks'), /Static analysis<\/a><\/li><li class="is-open"><a href="\/shipping-safely\/security\/frameworks\/" aria-current="page">Frameworks/);
  });

  it('serves the site under its baseurl', () => {
    assert.match(page('ato/checklist'), /href="\/shipping-safely\/ato\/"/);
    assert.match(page('ato/checklist'), /href="\/shipping-safely\/security\/scanning#tools"/);
  });

  it('builds the tree from navigation: and folders, in the list order, with the external entry', () => {
    const top = sidebar('ato/checklist');
    const labels = [...top.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.deepEqual(labels, [
      'Shipping Safely /shipping-safely/',
      'Security /shipping-safely/security/',
      'ATO /shipping-safely/ato/',
      // navigation: lists Levels then Checklist; Sandbox accounts is in no list: its folder places it.
      'Levels /shipping-safely/ato/levels/',
      'Checklist /shipping-safely/ato/checklist/',
      'Sandbox accounts /shipping-safely/ato/sandbox/',
      'Federal web standards https://standards.example.gov/',
    ]);
    assert.match(page('security/scanning'), /<nav class="breadcrumbs"[^>]*><ol><li><a href="\/shipping-safely\/">Shipping Safely<\/a><\/li><li><a href="\/shipping-safely\/security\/">Security<\/a>/);
  });

  it('makes a link of a destination with spaces, and kramdown heading ids', () => {
    assert.match(page('security/scanning'), /<a href="..\/..\/assets\/Policy%20Memo%202015.pdf">policy memo<\/a>/);
    assert.match(page('security/scanning'), /<h2 id="step-3--document">/);
  });

  it('reports exactly the broken links planted, with file and line', async () => {
    assert.deepEqual(await brokenLinks(guide, built.outputDir), [
      { at: 'test/fixtures/jekyll-2016/_pages/security/scanning.md:18', href: '#step-3-document' },
      { at: 'test/fixtures/jekyll-2016/_pages/security/scanning.md:19', href: '../penetration-testing/' },
    ]);
  });

  it('reports what was not carried over', () => {
    assert.match(built.stdout, /settings of themes and plugins, not used: sass, author, logourl, google_analytics_ua/);
    assert.match(built.stdout, /7 placed by _config.yml navigation/);
    assert.match(built.stdout, /1 placed by folder/);
  });

  it('takes --pathprefix over baseurl', async () => {
    const preview = await buildSite(guide, ['--pathprefix=/preview/x/']);
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(readFileSync(path.join(preview.outputDir, 'ato', 'checklist', 'index.html'), 'utf8'), /href="\/preview\/x\/ato\/"/);
  });
});
