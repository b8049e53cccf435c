// Every page the build writes, of the real site and of a site of hostile and long pages:
// what it lets run, what it links to, its landmarks, its validity and its weight.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { buildSite, fixturesDir, projectRoot } from '../helpers/run.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/security/contentSecurityPolicy.ts';
import { renderHeadersFile } from '../../src/security/responseHeaders.ts';
import { unsafeScheme } from '../../src/security/rawHtml.ts';
import { attrOf, builtPages, elementsOf, textOf, type BuiltPage, type Element } from './builtPages.ts';

const SITES = {
  'the real site (content/)': path.join(projectRoot, 'content'),
  'the hostile site (test/fixtures/trust-hostile)': path.join(fixturesDir, 'trust-hostile'),
};

/** The budget of one page: its HTML plus the CSS and JS it loads, gzipped (search index aside). */
const PAGE_WEIGHT_BUDGET = 30 * 1024;

const built = new Map<string, { outputDir: string; pages: BuiltPage[] }>();

before(async () => {
  for (const [name, input] of Object.entries(SITES)) {
    const result = await buildSite(input);
    assert.equal(result.code, 0, `building ${name} failed:\n${result.stderr}`);
    built.set(name, { outputDir: result.outputDir, pages: builtPages(result.outputDir) });
  }
});

const isElement = (name: string) => (e: Element) => e.tagName === name;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster'];

for (const name of Object.keys(SITES)) {
  describe(`every page of ${name}`, () => {
    const site = () => built.get(name)!;

    test('has pages to check', () => {
      assert.ok(site().pages.length >= 5, `only ${site().pages.length} pages`);
    });

    test('carries the Content-Security-Policy and runs no inline script, style or handler', () => {
      for (const page of site().pages) {
        const elements = elementsOf(page.html);
        const csp = elements.filter((e) => e.tagName === 'meta' && attrOf(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
        assert.equal(csp.length, 1, `${page.url}: one CSP <meta>`);
        assert.equal(attrOf(csp[0]!, 'content'), CONTENT_SECURITY_POLICY, page.url);
        for (const element of elements) {
          const where = `${page.url}: <${element.tagName}>`;
          if (element.tagName === 'script') assert.ok(attrOf(element, 'src'), `${where} is an inline script`);
          assert.notEqual(element.tagName, 'style', `${where} is an inline style sheet`);
          for (const attribute of element.attrs) {
            assert.notEqual(attribute.name, 'style', `${where} has a style attribute`);
            assert.ok(!attribute.name.startsWith('on'), `${where} has an event handler ${attribute.name}`);
          }
        }
      }
    });

    test('links no script URL, and links that open a new window have rel="noopener"', () => {
      for (const page of site().pages) {
        for (const element of elementsOf(page.html)) {
          for (const name of URL_ATTRIBUTES) {
            const value = attrOf(element, name);
            if (value === undefined) continue;
            const scheme = unsafeScheme(value, element.tagName === 'img' && name === 'src');
            assert.equal(scheme, undefined, `${page.url}: <${element.tagName} ${name}="${value}">`);
          }
          const target = attrOf(element, 'target');
          if (target && !['_self', '_parent', '_top'].includes(target)) {
            assert.match(attrOf(element, 'rel') ?? '', /\bnoopener\b/, `${page.url}: <${element.tagName} target="${target}"> without rel="noopener"`);
          }
        }
      }
    });

    test("keeps the layout's landmarks whatever the content: one banner, one main, one contentinfo", () => {
      for (const page of site().pages) {
        const elements = elementsOf(page.html);
        const body = elements.find(isElement('body'))!;
        const bodyChildren = body.childNodes.filter((n): n is Element => 'tagName' in n);
        // Other body-level helpers (a live region, a script) may come; the page's parts may not move.
        const parts = bodyChildren
          .filter((e) => ['header', 'footer', 'main', 'nav', 'aside', 'section', 'article'].includes(e.tagName) || attrOf(e, 'class') === 'site-body')
          .map((e) => e.tagName);
        assert.deepEqual(parts, ['header', 'div', 'footer'], `${page.url}: the body holds header, content and footer, in that order`);
        assert.equal(attrOf(bodyChildren[0]!, 'class'), 'skip-link', `${page.url}: the skip link comes first`);
        const mains = elements.filter(isElement('main'));
        assert.equal(mains.length, 1, `${page.url}: one <main>`);
        assert.equal(attrOf(mains[0]!, 'id'), 'mainContent', `${page.url}: the skip link target is the layout's main`);
        assert.equal(attrOf(mains[0]!.parentNode as Element, 'class'), 'site-body', `${page.url}: main sits in the page body`);
        for (const element of elements) {
          const role = attrOf(element, 'role');
          assert.ok(!role || !['main', 'banner', 'contentinfo'].includes(role), `${page.url}: <${element.tagName} role="${role}">`);
        }
        const footer = bodyChildren.find(isElement('footer'))!;
        assert.match(textOf(footer), /All pages/, `${page.url}: the footer is the layout's`);
      }
    });

    test('shows titles as text: no markup from a title reaches the page', () => {
      for (const page of site().pages) {
        const elements = elementsOf(page.html);
        const title = textOf(elements.find(isElement('title'))!);
        const h1 = elements.filter(isElement('h1'));
        assert.equal(h1.length, 1, `${page.url}: one <h1>`);
        assert.ok(title.startsWith(textOf(h1[0]!)), `${page.url}: <title> "${title}" starts with the h1`);
      }
    });

    test('is valid HTML (html-validate, the committed .htmlvalidate.json)', async () => {
      const config = JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
      const validator = new HtmlValidate(new StaticConfigLoader(config));
      const problems: string[] = [];
      for (const page of site().pages) {
        const report = await validator.validateString(page.html, page.file);
        for (const result of report.results) {
          for (const m of result.messages) problems.push(`${page.file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    test(`weighs at most ${PAGE_WEIGHT_BUDGET / 1024} KB gzipped per page, HTML + CSS + JS`, (t) => {
      const { outputDir, pages } = site();
      const weights = pages.map((page) => ({ url: page.url, bytes: pageWeight(outputDir, page) }));
      const sorted = weights.map((w) => w.bytes).sort((a, b) => a - b);
      const heaviest = weights.reduce((a, b) => (b.bytes > a.bytes ? b : a));
      t.diagnostic(`pages ${weights.length}, median ${(sorted[sorted.length >> 1]! / 1024).toFixed(1)} KB, max ${(heaviest.bytes / 1024).toFixed(1)} KB (${heaviest.url})`);
      for (const w of weights) assert.ok(w.bytes <= PAGE_WEIGHT_BUDGET, `${w.url} weighs ${w.bytes} bytes gzipped`);
    });

    test('ships the response headers for static hosts (_headers)', () => {
      const file = path.join(site().outputDir, '_headers');
      assert.ok(existsSync(file), '_headers is written');
      assert.equal(readFileSync(file, 'utf8'), renderHeadersFile());
    });
  });
}

/** gzip size of the page plus every stylesheet and script it loads from the site. */
function pageWeight(outputDir: string, page: BuiltPage): number {
  let bytes = gzipSync(page.html).length;
  for (const element of elementsOf(page.html)) {
    const url =
      element.tagName === 'script' ? attrOf(element, 'src')
      : element.tagName === 'link' && /\b(stylesheet|modulepreload|preload)\b/.test(attrOf(element, 'rel') ?? '') ? attrOf(element, 'href')
      : undefined;
    if (!url) continue;
    assert.ok(url.startsWith('/') && !url.startsWith('//'), `${page.url}: ${url} is loaded from the site itself`);
    const file = path.join(outputDir, decodeURIComponent(url.replace(/[?#].*$/, '')));
    assert.ok(existsSync(file), `${page.url}: ${url} exists in the build`);
    bytes += gzipSync(readFileSync(file)).length;
  }
  return bytes;
}
