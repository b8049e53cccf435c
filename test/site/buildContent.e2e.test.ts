// Builds the real guide in content/ and checks the seed page as a reader gets it. The other
// pages are being written by editors: only the home page, the Security section page and the
// Static Analysis page with its Python, Rails and Other Ruby frameworks sections are relied on.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brokenInternalLinks, hasId, readFile, region, resolveInSite, urlsIn } from '../helpers/builtSite.ts';
import { buildSite, projectRoot } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const content = path.join(projectRoot, 'content');
// The page this project started from, kept beside the repository (../shared/seed/).
const sharedSeed = path.join(projectRoot, '..', 'shared', 'seed', 'frameworks.md');
const PREFIX = '/preview/main/';
let site = '';
let prefixed = '';
let seed = '';

const scratch = scratchFolders();
after(() => scratch.removeAll());

before(async () => {
  const [plain, withPrefix] = await Promise.all([buildSite(content), buildSite(content, [`--pathprefix=${PREFIX}`])]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(withPrefix.code, 0, withPrefix.stderr);
  assert.doesNotMatch(plain.stderr, /error/);
  for (const run of [plain, withPrefix]) scratch.keep(path.dirname(run.outputDir));
  site = plain.outputDir;
  prefixed = withPrefix.outputDir;
  seed = readFile(site, 'security/frameworks/index.html');
});


describe('the real guide', () => {
  it('keeps the seed page byte for byte', { skip: !existsSync(sharedSeed) && `no ${sharedSeed} beside this clone` }, () => {
    assert.ok(readFileSync(path.join(content, 'security', 'frameworks.md')).equals(readFileSync(sharedSeed)));
  });

  it('serves the seed page at /security/frameworks/ with its title', () => {
    assert.match(seed, /<title>Framework-Specific Security Guidelines \| [^<]+<\/title>/);
    assert.match(seed, /<h1 id="pageTitle">Framework-Specific Security Guidelines<\/h1>/);
  });

  it('puts the seed page under Security in the breadcrumbs', () => {
    const crumbs = region(seed, '<nav class="breadcrumbs" aria-label="Breadcrumb">', '</nav>');
    assert.match(crumbs, /<ol><li><a href="\/">[^<]+<\/a><\/li><li><a href="\/security\/">Security<\/a><\/li><li><span aria-current="page">Framework-Specific Security Guidelines<\/span><\/li><\/ol>/);
  });

  it('shows the Security section open in the sidebar, the seed page marked current by its navtitle', () => {
    const sidebar = region(seed, '<nav class="site-nav" aria-label="Site">', '</nav>');
    assert.match(sidebar, /<li class="is-open has-children"><a href="\/security\/">Security<\/a><ul>.*<li class="is-open"><a href="\/security\/frameworks\/" aria-current="page">Frameworks<\/a><\/li>.*<\/ul><\/li>/);
    assert.match(sidebar, /<a href="\/security\/static-analysis\/">Static [Aa]nalysis<\/a>/);
    assert.equal(sidebar.match(/aria-current/g)!.length, 1);
  });

  it('links to sections of the Static Analysis page that exist', () => {
    const targets = urlsIn(region(seed, '<article', '</article>')).filter((u) => u.includes('static-analysis'));
    assert.deepEqual([...new Set(targets)].sort(), ['../static-analysis/#other-ruby-frameworks', '../static-analysis/#python', '../static-analysis/#rails']);
    for (const url of targets) {
      const target = resolveInSite(site, '/', '/security/frameworks/', url);
      assert.ok(!target.external && target.file === 'security/static-analysis/index.html', url);
      assert.ok(hasId(site, target.file, target.fragment), `${url}: no such id`);
    }
    assert.match(readFile(site, 'security/static-analysis/index.html'), /<h1 id="pageTitle">Static [Aa]nalysis<\/h1>/);
  });

  it('gives the seed headings GitHub ids and a table of contents', () => {
    // The seed's ### sit straight under the page title: they become h2 (headings follow the outline).
    for (const id of ['django', 'flask', 'rails', 'sinatrapadrino']) assert.match(seed, new RegExp(`<h2 id="${id}">`));
    const toc = region(seed, '<aside class="toc">', '</aside>');
    assert.deepEqual(Array.from(toc.matchAll(/href="#([^"]+)"/g), (m) => m[1]), ['django', 'flask', 'rails', 'sinatrapadrino']);
  });

  it('offers edit, issue and last-updated information', () => {
    assert.match(seed, /<a href="https:\/\/github\.com\/[^"]+\/edit\/[^"]+\/content\/security\/frameworks\.md">Edit this page<\/a>/);
    assert.match(seed, /<a href="https:\/\/github\.com\/[^"]+\/issues\/new\?title=[^"]+">Open an issue<\/a>/);
    assert.match(seed, /Last updated <time datetime="\d{4}-\d\d-\d\dT[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}<\/time>/);
  });

  it('lists the Security section\'s children on its page, and the home page first in every sidebar', () => {
    const section = readFile(site, 'security/index.html');
    const children = region(section, '<section class="child-pages"', '</section>');
    assert.match(children, /<a href="\/security\/frameworks\/">Frameworks<\/a>/);
    assert.match(children, /<a href="\/security\/static-analysis\/">Static [Aa]nalysis<\/a>/);
    assert.match(region(section, '<nav class="site-nav"', '</nav>'), /^<nav class="site-nav" aria-label="Site"><ul><li[^>]*><a href="\/">/);
  });

  it('has no broken internal link or fragment on any page, at the root and under a path prefix', () => {
    for (const [dir, prefix] of [
      [site, '/'],
      [prefixed, PREFIX],
    ] as const) {
      assert.deepEqual(brokenInternalLinks(dir, prefix).broken, [], `broken links under ${prefix}`);
    }
  });
});
