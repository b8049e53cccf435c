// Builds test/fixtures/good-site once at the root and once under a path prefix, and checks the
// HTML a reader gets.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brokenInternalLinks, readFile, region, siteFiles } from '../helpers/builtSite.ts';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

const input = path.join(fixturesDir, 'good-site');
const PREFIX = '/preview/branch/';
let site = '';
let prefixed = '';

const scratch = scratchFolders();
after(() => scratch.removeAll());

before(async () => {
  const [plain, withPrefix] = await Promise.all([buildSite(input), buildSite(input, [`--pathprefix=${PREFIX}`])]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(withPrefix.code, 0, withPrefix.stderr);
  for (const run of [plain, withPrefix]) scratch.keep(path.dirname(run.outputDir));
  site = plain.outputDir;
  prefixed = withPrefix.outputDir;
});

const page = (url: string) => readFile(site, url === '/' ? 'index.html' : `${url.slice(1)}index.html`);
const sidebarOf = (html: string) => region(html, '<nav class="site-nav"', '</nav>');
const breadcrumbsOf = (html: string) => region(html, '<nav class="breadcrumbs"', '</nav>');

describe('the built fixture site', () => {
  it('writes every page at its URL, the assets, images beside pages, 404.html and sitemap.xml', () => {
    const files = siteFiles(site);
    for (const file of [
      'index.html',
      'injection/index.html',
      'injection/templated/index.html',
      'level-4/index.html',
      'level-4/friend/index.html',
      'level-4/cafe/index.html',
      'tables/index.html',
      'windows/index.html',
      'images/diagram.svg',
      'assets/site.css',
      'assets/site.js',
      '404.html',
      'sitemap.xml',
      'all-pages/index.html',
    ]) {
      assert.ok(files.includes(file), `${file} missing from ${files.join(', ')}`);
    }
    assert.ok(!files.some((f) => f.endsWith('.md')), 'no Markdown sources published');
    assert.ok(!files.some((f) => f.startsWith('test/')), 'files beside pages keep their place, not the project path');
  });

  it('shows {{ user_input | safe }} as written in prose and code: Markdown is not run through Liquid', () => {
    const html = page('/injection/');
    assert.match(html, /<p>Never pass \{\{ user_input \| safe \}\} to a template, and never write \{% raw %\} blocks around it\.<\/p>/);
    assert.match(html, /<code>\{\{ user_input \| safe \}\}<\/code>/);
    assert.match(html, /<span class="hljs-string">&quot;\{\{ user_input \| safe \}\}&quot;<\/span>/);
  });

  it('runs Liquid on a page that opts in with templateEngineOverride', () => {
    assert.match(page('/injection/templated/'), /<p>Two plus three is 5\. This page is \/injection\/templated\/\.<\/p>/);
  });

  it('escapes a title like "Level 4 & <Friends>" in the title, heading, sidebar, breadcrumbs and pager', () => {
    const own = page('/level-4/');
    assert.match(own, /<title>Level 4 &amp; &lt;Friends&gt; \| Fixture Guide<\/title>/);
    assert.match(own, /<h1 id="pageTitle">Level 4 &amp; &lt;Friends&gt;<\/h1>/);
    const child = page('/level-4/friend/');
    assert.match(sidebarOf(child), /<a href="\/level-4\/">Level 4 &amp; &lt;Friends&gt;<\/a>/);
    assert.match(breadcrumbsOf(child), /<a href="\/level-4\/">Level 4 &amp; &lt;Friends&gt;<\/a>/);
    assert.match(child, /<span class="pager-label">Previous<\/span> Level 4 &amp; &lt;Friends&gt;<\/a>/);
    assert.match(child, /<title>Friend: one, two &amp; three \| Fixture Guide<\/title>/);
    assert.match(page('/level-4/cafe/'), /<h1 id="pageTitle">Über Café<\/h1>/);
    for (const file of siteFiles(site).filter((f) => f.endsWith('.html'))) {
      assert.doesNotMatch(readFile(site, file), /<Friends>/i, file);
    }
  });

  it('places children under a parent named with &, < and commas in another case', () => {
    const html = page('/level-4/cafe/');
    assert.match(
      sidebarOf(html),
      /<li class="is-open has-children"><a href="\/level-4\/">Level 4 &amp; &lt;Friends&gt;<\/a><ul><li><a href="\/level-4\/friend\/">Friend: one, two &amp; three<\/a><\/li><li class="is-open"><a href="\/level-4\/cafe\/" aria-current="page">Über Café<\/a><\/li><\/ul><\/li>/,
    );
    assert.match(page('/level-4/'), /<h2 id="childPages">In this section<\/h2><ul><li><a href="\/level-4\/friend\/">Friend: one, two &amp; three<\/a><\/li><li><a href="\/level-4\/cafe\/">Über Café<\/a><\/li><\/ul>/);
  });

  it('renders tables and highlights code at build time, with no script but our own', () => {
    const html = page('/tables/');
    assert.match(html, /<table>\n<thead>\n<tr>\n<th>Tool<\/th>/);
    assert.match(html, /<td>Brakeman<\/td>/);
    assert.match(html, /<code class="language-bash">npm run build -- --input=content\n<\/code>/);
    // Eleventy turns indented code blocks off; GitHub and kramdown show them as code.
    assert.match(html, /<pre tabindex="0"><code>git log --oneline\n<\/code><\/pre>/);
    assert.match(page('/injection/'), /<code class="language-python"><span class="hljs-keyword">from<\/span>/);
    for (const file of siteFiles(site).filter((f) => f.endsWith('.html'))) {
      const scripts = Array.from(readFile(site, file).matchAll(/<script\b[^>]*>/g), (m) => m[0]);
      // Our two files only: the page script and the search box (which loads its worker on first focus).
      assert.equal(scripts.length, 2, file);
      assert.match(scripts[0]!, /^<script src="\/assets\/site\.js\?v=[0-9a-f]+" defer>$/, file);
      assert.match(scripts[1]!, /^<script src="\/assets\/search\.js\?v=[0-9a-f]+" defer>$/, file);
    }
  });

  it('gives headings GitHub ids with anchor links', () => {
    const html = page('/injection/');
    for (const id of ['python', 'rails', 'python-1', 'sinatrapadrino', 'über-café', 'step-3--document']) {
      assert.match(html, new RegExp(`<h[23] id="${id}">[^<]+ <a class="heading-anchor" href="#${id}" aria-label="Link to this section: [^"]+">#</a></h[23]>`));
    }
  });

  it('shows a table of contents only on pages with two or more h2/h3', () => {
    const toc = (url: string) => page(url).match(/<aside class="toc">.*?<\/aside>/s)?.[0];
    const inline = (url: string) => page(url).match(/<nav class="toc-inline" aria-label="On this page"><details><summary>On this page<\/summary><ul>(.*?)<\/ul>/s)?.[1];
    assert.equal(toc('/level-4/'), undefined, 'one h2');
    assert.equal(inline('/level-4/'), undefined, 'one h2');
    assert.equal(toc('/level-4/friend/'), undefined, 'no headings');
    // Narrow screens get the same list under the title.
    assert.equal(inline('/tables/'), '<li class="toc-h2"><a href="#shell">Shell</a></li><li class="toc-h3"><a href="#a-third-level">A third level</a></li>');
    assert.match(page('/tables/'), /<h1 id="pageTitle">Tables and code<\/h1>\n(?:<!--[^>]*-->)?<nav class="toc-inline"/);
    assert.match(toc('/tables/')!, /<li class="toc-h2"><a href="#shell">Shell<\/a><\/li><li class="toc-h3"><a href="#a-third-level">A third level<\/a><\/li>/);
    const injection = toc('/injection/')!;
    assert.equal(injection.match(/<li /g)!.length, 6);
    assert.match(injection, /<a href="#über-café">Über Café<\/a>/);
  });

  it('reads a page with a byte order mark and Windows line ends', () => {
    const html = page('/windows/');
    assert.match(html, /<h1 id="pageTitle">Windows page<\/h1>/);
    assert.match(html, /<h2 id="first">/);
    assert.match(sidebarOf(html), /aria-current="page">Windows<\/a>/);
    assert.doesNotMatch(html, /\uFEFF|---/);
  });

  it('has the frame every page needs: lang, titles, skip link, landmarks, edit and issue links', () => {
    const html = page('/tables/');
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Tables and code \| Fixture Guide<\/title>/);
    assert.match(page('/'), /<title>Fixture Guide Home \| Fixture Guide<\/title>/);
    assert.match(html, /<body>\n<a class="skip-link" href="#mainContent">Skip to content<\/a>/);
    assert.match(html, /<main id="mainContent" tabindex="-1">/);
    assert.match(html, /<header class="site-header">/);
    assert.match(html, /<footer class="site-footer">/);
    assert.match(html, /<nav class="site-nav" aria-label="Site">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(html, /<a href="https:\/\/github\.com\/example-org\/fixture-guide\/edit\/trunk\/docs\/tables\.md">Edit this page<\/a>/);
    assert.match(html, /<a href="https:\/\/github\.com\/example-org\/fixture-guide\/issues\/new\?title=Feedback%20on%20%22Tables%20and%20code%22">Open an issue<\/a>/);
    assert.match(html, /<link rel="canonical" href="https:\/\/fixture\.example\.org\/tables\/">/);
  });

  it('marks the current page in the sidebar and lists the home page first', () => {
    const home = sidebarOf(page('/'));
    assert.match(home, /<ul><li class="is-open"><a href="\/" aria-current="page">Home<\/a><\/li><li class="has-children"><a href="\/injection\/">Template injection<\/a><\/li><li class="has-children"><a href="\/level-4\/">/);
    assert.equal(home.match(/aria-current/g)!.length, 1);
    assert.doesNotMatch(home, /friend/, 'closed sections show no children');
  });

  it('writes a sitemap of every page with the site URL', () => {
    const xml = readFile(site, 'sitemap.xml');
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const locs = Array.from(xml.matchAll(/<loc>([^<]+)<\/loc>/g), (m) => m[1]);
    assert.deepEqual(locs, [
      'https://fixture.example.org/',
      'https://fixture.example.org/injection/',
      'https://fixture.example.org/injection/templated/',
      'https://fixture.example.org/level-4/',
      // Reading order: "Friend: …" before "Über Café" (Ü sorts as U).
      'https://fixture.example.org/level-4/friend/',
      'https://fixture.example.org/level-4/cafe/',
      'https://fixture.example.org/tables/',
      'https://fixture.example.org/windows/',
    ]);
  });

  it('writes a 404 page that leads back home', () => {
    const html = readFile(site, '404.html');
    assert.match(html, /<title>Page not found \| Fixture Guide<\/title>/);
    assert.match(html, /<a href="\/">Go to the home page<\/a>/);
    assert.match(html, /<nav class="site-nav"/);
  });

  it('has no broken internal link or fragment on any page', () => {
    assert.deepEqual(brokenInternalLinks(site, '/').broken, []);
  });
});

describe('the fixture site under --pathprefix=/preview/branch/', () => {
  it('starts every internal link and asset with the prefix, and each reaches a built file and id', () => {
    const { checked, broken } = brokenInternalLinks(prefixed, PREFIX);
    assert.deepEqual(broken, []);
    assert.ok(checked > 100, `${checked} links checked`);
  });

  it('prefixes Markdown links, raw HTML links, images, assets and navigation', () => {
    const home = readFile(prefixed, 'index.html');
    assert.match(home, /<a href="\/preview\/branch\/injection\/">template injection<\/a>/);
    assert.match(home, /<a href="\/preview\/branch\/level-4\/">level 4<\/a>/);
    assert.match(home, /<img src="\/preview\/branch\/images\/diagram\.svg"/);
    assert.match(home, /<link rel="stylesheet" href="\/preview\/branch\/assets\/site\.css\?v=/);
    assert.match(readFile(prefixed, '404.html'), /<a href="\/preview\/branch\/">Go to the home page<\/a>/);
    assert.match(readFile(prefixed, 'sitemap.xml'), /<loc>https:\/\/fixture\.example\.org\/preview\/branch\/tables\/<\/loc>/);
    assert.ok(existsSync(path.join(prefixed, 'images', 'diagram.svg')), 'the prefix is in URLs, not in the folder layout');
  });
});
