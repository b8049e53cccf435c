import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { brokenLinks } from './renderGuide.ts';

// A 2018-style guide: the `pages` collection, the tree in `parent` (lowercase too), an include
// captured and filtered, task lists, raw HTML with Liquid inside, kramdown attribute lists,
// footnotes, and redirects both ways (jekyll-redirect-from).
const guide = path.join(fixturesDir, 'jekyll-2018');

describe('a 2018-style Jekyll guide', () => {
  let built: Awaited<ReturnType<typeof buildSite>>;
  const file = (...parts: string[]) => readFileSync(path.join(built.outputDir, ...parts), 'utf8');
  const page = (url: string) => file(url, 'index.html');
  const article = (url: string) => /<article[\s\S]*?<\/article>/.exec(page(url))![0];

  before(async () => {
    built = await buildSite(guide, ['--report']);
  });

  it('builds with no error', () => {
    assert.equal(built.code, 0, built.stderr);
  });

  it('reports the pages it placed by parent (the tree itself: era2018.test.ts)', () => {
    assert.match(built.stdout, /4 placed by parent/);
  });

  it('renders the captured, filtered include as task lists with relative links', () => {
    const html = article('ato/checklist');
    assert.match(html, /<label class="task-list-item-label"><input class="task-list-item-checkbox" type="checkbox" disabled=""> Confirm the <a href="\.\.\/\.\.\/ato\/levels\/">impact level<\/a>\.<\/label>/);
    assert.match(html, /type="checkbox" disabled="" checked=""> Name a system owner/);
    assert.doesNotMatch(html, /Render the checklist|\{%|\[ \]/, 'comments, tags and task markers do not show');
    assert.match(html, /<div class="usa-alert usa-alert--warning">\s*<p class="usa-alert__text">Start at least six weeks before launch\.<\/p>/);
  });

  it('applies kramdown attribute lists and never shows them', () => {
    assert.match(article('ato/checklist'), /<a href="\.\.\/levels\/" target="_blank" rel="noopener">Read the levels first<\/a>/);
    assert.match(article('ato/levels'), /<h2 id="moderate-systems">Moderate /);
    const logging = article('infrastructure/logging');
    assert.doesNotMatch(logging, /\{:/);
    assert.equal((logging.match(/<tr>/g) ?? []).length, 3, 'the attribute list is not a table row');
    assert.match(logging, /class="footnote-ref"/);
  });

  it('copies a file kept beside the pages in _pages/ to the URL Jekyll gave it', () => {
    assert.ok(existsSync(path.join(built.outputDir, 'ato', 'ato-steps.svg')));
    assert.match(article('ato'), /<img src="ato-steps\.svg" alt="The four steps of an ATO">/);
  });

  it('passes raw HTML through, Liquid inside included', () => {
    assert.match(article(''), /<a class="usa-button" href="\/ato\/checklist\/">Open the checklist<\/a>/);
  });

  it('writes redirect stubs both ways, out of nav, search and sitemap', () => {
    for (const [from, to] of [['aws', '/infrastructure/aws/'], ['cloud', '/infrastructure/aws/'], ['ato/old-checklist', '/ato/checklist/']] as const) {
      const stub = page(from);
      assert.match(stub, new RegExp(`<meta http-equiv="refresh" content="0; url=${to}">`));
      assert.match(stub, new RegExp(`<link rel="canonical" href="https://launch.example.gov${to}">`));
      assert.match(stub, new RegExp(`<a href="${to}">`));
    }
    assert.doesNotMatch(file('sitemap.xml'), /\.gov\/(?:aws|cloud|ato\/old-checklist)\//);
    assert.doesNotMatch(page('ato'), /Old checklist/);
  });

  it('reports exactly the broken links planted, following redirects, with file and line', async () => {
    // The include's broken link is reported on the line that outputs it.
    assert.deepEqual(await brokenLinks(guide, built.outputDir), [
      { at: 'test/fixtures/jekyll-2018/_pages/ato/checklist.md:11', href: '../../ato/incident-plan/' },
      { at: 'test/fixtures/jekyll-2018/_pages/ato/checklist.md:15', href: '../../infrastructure/#contact' },
    ]);
  });

  it('keeps the content of an unknown block tag and reports the tag with its line', () => {
    assert.match(article('ato/levels'), /<p>When in doubt, ask the security team before choosing low\.<\/p>/);
    assert.match(built.stdout, /not converted \(line 11\): unknown Liquid tag `\{% callout %\}`: its content was kept, the tag left out\./);
  });

  it('reports the plugin tag it left out, with its line', () => {
    assert.match(built.stdout, /_pages\/index\.md\n(?:.*\n)*? {2}not converted \(line 5\): `\{% seo %\}` belongs to jekyll-seo-tag/);
    assert.ok(existsSync(path.join(built.outputDir, 'ato', 'old-checklist', 'index.html')));
  });
});
