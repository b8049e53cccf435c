// The search box and results page in Chromium, as readers use them: keyboard, screen reader
// semantics (ARIA combobox), hostile text, both colour schemes, phone width, no JavaScript.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { measureSearchInBrowser } from '../../src/search/measureSearch.ts';
import { DESKTOP, PHONE, launchBrowser } from '../helpers/browser.ts';
import { buildSite, fixturesDir } from '../helpers/run.ts';
import { serveStatic, type StaticServer } from '../helpers/staticServer.ts';

const PREFIX = '/docs/';
let server: StaticServer;
let browser: Browser;

before(async () => {
  const build = await buildSite(path.join(fixturesDir, 'search-site'), [`--pathprefix=${PREFIX}`]);
  assert.equal(build.code, 0, build.stderr);
  server = await serveStatic(build.outputDir, PREFIX);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(url: string, options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  // A context per page: axe-core needs one, and it keeps tests apart.
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.goto(server.url + url);
  return page;
}

const box = '#siteSearchInput';
const options = '#siteSearchInputResults [role="option"]';

async function typeInBox(page: Page, text: string): Promise<void> {
  await page.focus(box);
  await page.keyboard.type(text);
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the search box', () => {
  it('fetches no part of the index until the reader focuses the box', async () => {
    const page = await (await browser.newContext()).newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}guides/lighthouse/`, { waitUntil: 'networkidle' });
    assert.deepEqual(fetched.filter((p) => p.includes('/assets/search/') || p.includes('search-worker')), []);
    await page.focus(box);
    await page.waitForRequest((r) => r.url().includes('/docs/assets/search/manifest.bin'));
    await page.context().close();
  });

  it('shows results as the reader types, and a chosen result opens at its heading', async () => {
    const page = await openPage('guides/');
    await typeInBox(page, 'spare');
    await page.waitForFunction(() => document.querySelector('#siteSearchInputResults [role="option"] .search-result-headline')?.textContent === 'Spare lenses');
    assert.equal(await page.getAttribute(box, 'role'), 'combobox');
    assert.equal(await page.getAttribute(box, 'aria-expanded'), 'true');
    const first = page.locator(options).first();
    assert.equal(await first.locator('.search-result-headline').textContent(), 'Spare lenses');
    assert.equal(await first.locator('.search-result-path').textContent(), 'Guides › Lighthouse keeping');
    assert.equal(await first.locator('.search-result-excerpt mark').first().textContent(), 'spare');
    assert.equal(await page.textContent('.site-search [role="status"]'), '1 result.');

    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute(box, 'aria-activedescendant'), await first.getAttribute('id'));
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await Promise.all([page.waitForURL('**/docs/guides/lighthouse/#spare-lenses'), page.keyboard.press('Enter')]);
    const heading = page.locator('#spare-lenses');
    assert.equal((await heading.textContent())?.replace(/\s*#$/, ''), 'Spare lenses');
    assert.ok(await heading.evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < window.innerHeight));
    await page.context().close();
  });

  it('moves with the arrow keys (wrapping), narrows with more words, and closes on Escape keeping focus and text', async () => {
    const page = await openPage('');
    await typeInBox(page, 'lighthouse');
    await page.waitForSelector(options);
    const ids = await page.locator(options).evaluateAll((els) => els.map((e) => e.id));
    assert.ok(ids.length >= 3, ids.join());
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.getAttribute(box, 'aria-activedescendant'), ids[ids.length - 1]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute(box, 'aria-activedescendant'), ids[0]);

    await page.keyboard.type(' wick');
    // Typing goes through "lighthouse w", "lighthouse wi"…: wait for the answer to the whole query.
    await page.waitForFunction(() => {
      const headlines = [...document.querySelectorAll('#siteSearchInputResults [role="option"] .search-result-headline')];
      return headlines.length === 1 && headlines[0]!.textContent === 'Lamp maintenance';
    });
    assert.ok(ids.length > 1, 'the second word narrowed the results');

    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute(box, 'aria-expanded'), 'false');
    assert.ok(await page.locator('.search-popup').isHidden());
    assert.equal(await page.inputValue(box), 'lighthouse wick');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'siteSearchInput');
    await page.context().close();
  });

  it('stays closed after Escape when the answer arrives later (typing fast, index parts loading)', async () => {
    const page = await openPage('');
    await typeInBox(page, 'lighthouse');
    await page.waitForSelector(options);
    // The index parts the next words need arrive late, as on a slow network.
    await page.route('**/assets/search/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.keyboard.type(' wick');
    await page.keyboard.press('Escape');
    const statusSelector = 'form:has(#siteSearchInput) [role="status"]';
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === '1 result.', statusSelector);
    assert.equal(await page.locator(statusSelector).textContent(), '1 result.');
    assert.equal(await page.getAttribute(box, 'aria-expanded'), 'false');
    assert.ok(await page.locator('.search-popup').isHidden());
    // The reader asks again: the list opens with the answer.
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.locator('.search-popup').isVisible());
    assert.equal(await page.getAttribute(box, 'aria-expanded'), 'true');
    await page.context().close();
  });

  it('"/" focuses the box from anywhere, but types a slash in a field', async () => {
    const page = await openPage('search/');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'siteSearchInput');
    await page.focus('#searchPageInput');
    await page.keyboard.type('a/b');
    assert.equal(await page.inputValue('#searchPageInput'), 'a/b');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'searchPageInput');
    await page.context().close();
  });

  it('finds a word with one typo, and says when nothing matches', async () => {
    const page = await openPage('');
    await typeInBox(page, 'quartermastre');
    await page.waitForSelector(options);
    assert.equal(await page.locator(`${options} .search-result-headline`).first().textContent(), 'Quartermaster duties');
    await page.fill(box, '');
    await page.keyboard.type('zanzibarian');
    await page.waitForFunction(() => document.querySelector('.site-search [role="status"]')?.textContent?.startsWith('No results'));
    assert.equal(await page.locator(options).count(), 0);
    await page.context().close();
  });

  it('shows a hostile title and query as text and runs nothing', async () => {
    const page = await openPage('');
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await typeInBox(page, 'friends');
    await page.waitForSelector(options);
    assert.equal(await page.locator(options).first().locator('.search-result-headline').textContent(), 'Level 4 & <Friends>');
    assert.equal(await page.locator('.search-popup friends, .search-popup b, .search-popup script').count(), 0);

    await page.fill(box, '');
    await page.keyboard.type('<img src=x onerror=alert(1)>');
    await page.waitForFunction(() => /img src=x/.test(document.querySelector('.site-search [role="status"]')?.textContent ?? ''));
    assert.equal(await page.locator('.search-popup img').count(), 0);
    await page.goto(`${server.url}search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await page.waitForSelector('.search-page-status');
    assert.match((await page.textContent('.search-page-status')) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(dialogs, []);
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      it(`has no axe violations with results open (${colorScheme}, ${width})`, async () => {
        const page = await openPage('guides/lighthouse/', { viewport, colorScheme });
        await typeInBox(page, 'le');
        await page.waitForSelector(options);
        await page.keyboard.press('ArrowDown');
        assert.deepEqual(await axeViolations(page), []);
        const popup = await page.locator('.search-popup').boundingBox();
        assert.ok(popup && popup.x >= 0 && popup.x + popup.width <= viewport.width, `the results fit the ${width} screen`);
        await page.goto(`${server.url}search/?q=lighthouse`);
        await page.waitForSelector('.search-page-result');
        assert.deepEqual(await axeViolations(page), []);
        await page.context().close();
      });
    }
  }
});

describe('measuring search in Chromium (for the benchmark)', () => {
  it('reports the time from focus to the first result and the bytes fetched for it', async () => {
    const figures = await measureSearchInBrowser(browser, `${server.url}guides/`, 'lighthouse');
    assert.ok(figures.firstResultMs > 0, JSON.stringify(figures));
    // At least the worker script and the manifest were fetched.
    assert.ok(figures.bytesBeforeFirstResult > 5000, JSON.stringify(figures));
  });
});

describe('the results page /search/?q=', () => {
  it('shows the results for q with links, and keeps its URL in step with what is typed', async () => {
    const page = await openPage('search/?q=lighthouse');
    await page.waitForSelector('.search-page-result');
    assert.equal(await page.inputValue('#searchPageInput'), 'lighthouse');
    const links = await page.locator('.search-page-result a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.includes('/docs/guides/lighthouse/'), links.join());
    assert.ok(links.every((l) => l?.startsWith('/docs/guides/')), links.join());
    assert.match((await page.textContent('.search-page-status')) ?? '', /^\d+ results?\.$/);

    await page.fill('#searchPageInput', 'quartermaster');
    await page.waitForURL('**/docs/search/?q=quartermaster');
    await page.waitForFunction(() => document.querySelector('.search-page-result a')?.textContent === 'Quartermaster duties');
    await page.context().close();
  });

  it('without JavaScript, the header form opens the search page, which says so and links all pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}guides/`);
    await page.fill(box, 'lens');
    await Promise.all([page.waitForURL('**/docs/search/?q=lens'), page.press(box, 'Enter')]);
    assert.match((await page.textContent('#searchPageResults')) ?? '', /Search needs JavaScript/);
    assert.equal(await page.getAttribute('#searchPageResults a', 'href'), '/docs/all-pages/');
    await context.close();
  });
});
