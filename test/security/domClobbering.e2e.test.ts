// DOM clobbering in Debian's Chromium (issue 17): the static list of `document`'s properties in
// src/security/domClobbering.ts against the browser's own, what clobbers and what does not, and
// a built page full of clobbering attempts on which the page scripts still work.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DOCUMENT_PROPERTY_NAMES, isDocumentPropertyName, isLayoutId, LAYOUT_IDS } from '../../src/security/domClobbering.ts';
import { DESKTOP, launchBrowser } from '../helpers/browser.ts';
import { buildSite, tempDir } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';
import { serveStatic, type StaticServer } from '../helpers/staticServer.ts';

const scratch = scratchFolders();
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  scratch.removeAll();
});

async function blankPage(html: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setContent(html);
  return page;
}

describe("the list of document's properties matches Chromium's", () => {
  it('every listed name is a property of document, and every property of document is covered', async () => {
    const page = await blankPage('<!doctype html><title>t</title><p>x</p>');
    const properties = await page.evaluate(() => {
      const names = new Set<string>();
      for (let o: object | null = document; o; o = Object.getPrototypeOf(o) as object | null) for (const name of Object.getOwnPropertyNames(o)) names.add(name);
      return [...names];
    });
    const inDocument = await page.evaluate((names) => names.filter((n) => !(n in document)), [...DOCUMENT_PROPERTY_NAMES]);
    assert.deepEqual(inDocument, [], 'listed names that are no property of document');
    assert.deepEqual(properties.filter((n) => !isDocumentPropertyName(n)), [], "document's properties missing from DOCUMENT_PROPERTY_NAMES (a newer Chromium: add them)");
    // A sample of other names is not taken for one: words editors use, and near misses.
    for (const name of ['installation', 'getelementbyid', 'Cookie', 'search', 'q', 'siteSearchInput', 'top', 'o']) {
      assert.equal(isDocumentPropertyName(name), false, name);
      assert.equal(await page.evaluate((n) => n in document, name), false, `${name} is in document`);
    }
    await page.context().close();
  });

  it('a name on form or img clobbers document; the names and ids the guard keeps do not', async () => {
    // What the guard removes: in Chromium each really replaces the property.
    const removed = await blankPage('<form name="getElementById"></form><img name="title"><img name="x" id="currentScript"><img name="querySelector" id="y">');
    // Each property's class as the page sees it: an element where a method or the title was.
    assert.deepEqual(
      await removed.evaluate(
        (names) => names.map((name) => Object.prototype.toString.call((document as unknown as Record<string, unknown>)[name])),
        ['getElementById', 'title', 'currentScript', 'querySelector'],
      ),
      ['[object HTMLFormElement]', '[object HTMLImageElement]', '[object HTMLImageElement]', '[object HTMLImageElement]'],
    );
    await removed.context().close();
    // What the guard keeps (other elements' name, any id but an img's or object's): no property changes.
    const names = ['getElementById', 'querySelector', 'createElement', 'addEventListener', 'currentScript', 'activeElement', 'defaultView', 'cookie', 'body'];
    const kept = await blankPage(names.map((n) => `<a class="attempt" name="${n}">a</a><input class="attempt" name="${n}"><h2 class="attempt" id="${n}">h</h2><svg><a class="attempt" id="${n}"><text>t</text></a></svg><math><mi class="attempt" id="${n}">x</mi></math>`).join('\n'));
    // Clobbered: the property is one of the attempts, or a collection of them. (about:blank's
    // `document.cookie` throws: reading it is no clobbering.)
    const clobbered = await kept.evaluate(
      (list) =>
        list.filter((n) => {
          try {
            const value = (document as unknown as Record<string, unknown>)[n];
            return value instanceof HTMLCollection || (value instanceof Element && value.classList.contains('attempt'));
          } catch {
            return false;
          }
        }),
      names,
    );
    assert.deepEqual(clobbered, []);
    await kept.context().close();
  });

});

/** A built site of our content with `pages` (name → Markdown body). */
async function builtSite(pages: Record<string, string>) {
  const inputDir = path.join(scratch.keep(tempDir('guidebook-clobber-')), 'site');
  mkdirSync(inputDir);
  writeFileSync(path.join(inputDir, 'index.md'), '---\ntitle: Home\n---\n\nThe home page.\n');
  for (const [name, body] of Object.entries(pages)) writeFileSync(path.join(inputDir, `${name}.md`), body);
  const build = await buildSite(inputDir);
  scratch.keep(path.dirname(build.outputDir));
  assert.equal(build.code, 0, build.stderr);
  return build;
}

describe('a built page full of clobbering attempts', () => {
  let server: StaticServer;
  let stderr: string;
  let outputDir: string;
  const attempts = [
    '---',
    'title: Clobbering',
    '---',
    '',
    'Search for payloads here.',
    '',
    '<form name="getElementById"><p>Form</p></form>',
    '<form name="addEventListener"></form><form name="createElement"></form><form name="activeElement"></form>',
    '<p><img name="cookie" src="data:image/png;base64,iVBORw0KGgo=" alt="c"><img name="currentScript" id="querySelector" src="data:image/png;base64,iVBORw0KGgo=" alt="s"></p>',
    '<p><a id="defaultView" href="#x">a</a> <a name="getElementById">b</a> <input name="querySelector" aria-label="q"></p>',
    '<details id="siteNavFold"><summary>Fake fold</summary>x</details>',
    '<p id="siteSearchInputResults-0">fake option</p>',
    '<div id="Worker"></div><div id="URL"></div><div id="matchMedia"></div>',
    '',
    '## getElementById',
    '',
    '## Cookie',
    '',
    '## Location',
    '',
    '## Title',
    '',
    'Payloads again.',
    '',
  ].join('\n');

  before(async () => {
    const build = await builtSite({ clobbering: attempts });
    stderr = build.stderr;
    outputDir = build.outputDir;
    server = await serveStatic(build.outputDir);
  });

  after(async () => {
    await server?.close();
  });

  it("an id never takes the place of a global the page scripts use: window's own properties win", async () => {
    // Every identifier in the scripts readers download that names a global of a fresh page.
    const scripts = ['site.js', 'search.js'].map((f) => readFileSync(path.join(outputDir, 'assets', f), 'utf8')).join('\n');
    const identifiers = [...new Set(scripts.match(/[A-Za-z_$][\w$]*/g) ?? [])];
    const page = await blankPage('<!doctype html><title>t</title>');
    const globals = await page.evaluate((list) => list.filter((n) => n in window), identifiers);
    assert.ok(globals.includes('document') && globals.includes('Worker') && globals.includes('URL'), globals.join(' '));
    await page.setContent(`<!doctype html><title>t</title>${globals.map((g) => `<div id="${g}"></div><form name="${g}"></form>`).join('')}`);
    const taken = await page.evaluate((list) => list.filter((n) => (window as unknown as Record<string, unknown>)[n] instanceof Element), globals);
    assert.deepEqual(taken, []);
    await page.context().close();
  });

  it('the build warns about each removed name and id', () => {
    for (const [value, line] of [['getElementById', 7], ['addEventListener', 8], ['cookie', 9], ['currentScript', 9], ['querySelector', 9], ['siteNavFold', 11], ['siteSearchInputResults-0', 12]] as const) {
      assert.match(stderr, new RegExp(`clobbering\\.md:${line}: warning: \`(name|id)="${value}"\``), `${value}:\n${stderr}`);
    }
  });

  it('in Chromium, the page script folds the navigation and the search box finds results, with no console error', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}clobbering/`);
    await page.waitForLoadState('load');

    // document is intact.
    assert.deepEqual(
      await page.evaluate(() => [document.getElementById === Document.prototype.getElementById, typeof document.cookie, document.defaultView === window, document.querySelector === Document.prototype.querySelector]),
      [true, 'string', true, true],
    );
    // site.js: a wide screen shows the layout's navigation open (and only one element has its id).
    assert.equal(await page.locator('#siteNavFold').count(), 1);
    assert.equal(await page.evaluate(() => (document.getElementById('siteNavFold') as HTMLDetailsElement).open), true);
    // The search script enhanced the box and its worker answers.
    assert.equal(await page.getAttribute('#siteSearchInput', 'role'), 'combobox');
    await page.focus('#siteSearchInput');
    await page.keyboard.type('payloads');
    await page.waitForFunction(() => document.querySelectorAll('#siteSearchInputResults [role="option"]').length > 0);
    assert.equal(await page.locator('#siteSearchInputResults-0').count(), 1);

    // Every id outside the content is the layout's (or the search script's), and none is one a heading could get.
    const layoutIds = await page.evaluate(() => [...document.querySelectorAll('[id]')].filter((e) => !e.closest('article.content')).map((e) => e.id));
    assert.deepEqual(layoutIds.filter((id) => !isLayoutId(id)), [], 'ids the layout has that LAYOUT_IDS lacks');
    for (const id of LAYOUT_IDS) assert.match(id, /[A-Z]/, `${id}: generated heading ids are lowercase, layout ids must not be`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
