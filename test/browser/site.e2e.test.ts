// The built guide in Debian's Chromium, served from 127.0.0.1: navigation, keyboard, the folding
// menu with and without JavaScript, and axe-core's WCAG 2 A/AA rules in light and dark.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE } from '../helpers/browser.ts';
import { buildSite, projectRoot } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';
import { serveStatic, type StaticServer } from '../helpers/staticServer.ts';

let browser: Browser;
let server: StaticServer;
const scratch = scratchFolders();

before(async () => {
  const [built, launched] = await Promise.all([buildSite(path.join(projectRoot, 'content')), launchBrowser()]);
  scratch.keep(path.dirname(built.outputDir));
  assert.equal(built.code, 0, built.stderr);
  browser = launched;
  server = await serveStatic(built.outputDir);
});

after(async () => {
  await browser?.close();
  await server?.close();
  scratch.removeAll();
});

/** A page in a fresh context (no shared cookies or cache), closed with its context. */
async function withPage<T>(options: BrowserContextOptions, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    return await use(page);
  } finally {
    await context.close();
  }
}

const url = (pathname: string) => new URL(pathname.replace(/^\//, ''), server.url).href;
const SEED = '/security/frameworks/';

describe('navigation', () => {
  it('follows sidebar links from the home page to the seed page', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(url('/'));
      const sidebar = page.getByRole('navigation', { name: 'Site' });
      await sidebar.getByRole('link', { name: 'Security', exact: true }).click();
      await page.waitForURL(url('/security/'));
      assert.equal(await page.locator('h1').textContent(), 'General Security Standards');
      assert.equal(await sidebar.locator('[aria-current="page"]').textContent(), 'Security');

      await sidebar.getByRole('link', { name: 'Frameworks', exact: true }).click();
      await page.waitForURL(url(SEED));
      assert.equal(await page.locator('h1').textContent(), 'Framework-Specific Security Guidelines');
      assert.equal(await sidebar.locator('[aria-current="page"]').textContent(), 'Frameworks');
      const crumbs = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').allTextContents();
      assert.equal(crumbs[crumbs.length - 1], 'Security');
      // No third-party requests: everything comes from the site itself.
      assert.ok(requested.some((r) => r.includes('/assets/site.css')));
      assert.deepEqual(requested.filter((r) => !r.startsWith(server.url)), []);
    });
  });

  it('follows the seed page\'s link to a section of the Static Analysis page', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(SEED));
      await page.locator('#rails + ul').getByRole('link', { name: 'static security analysis' }).click();
      await page.waitForURL(url('/security/static-analysis/#rails'));
      const heading = page.locator('#rails');
      assert.equal(await heading.evaluate((h) => h.tagName), 'H2');
      // Smooth scrolling may still be under way on a busy machine: wait for it to settle.
      const inView = await page
        .waitForFunction(() => {
          const top = document.querySelector('#rails')!.getBoundingClientRect().top;
          return top >= 0 && top < window.innerHeight;
        }, undefined, { timeout: 5000 })
        .then(() => true, () => false);
      assert.ok(inView, 'the section is scrolled into view');
    });
  });
});

describe('keyboard', () => {
  it('reaches the content through the skip link: first Tab shows it, Enter moves focus into main', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(SEED));
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      assert.equal(await skip.evaluate((a) => a === document.activeElement), true, 'the skip link is the first stop');
      assert.equal(await skip.textContent(), 'Skip to content');
      const box = (await skip.boundingBox())!;
      assert.ok(box.y >= 0 && box.x >= 0 && box.width > 20 && box.height > 10, `skip link on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.closest('main')?.id), 'mainContent');
      // The next Tab lands on a link inside the content, not back in the header.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('main'))), true);
    });
  });

  it('shows a heading\'s anchor link when it has keyboard focus', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(SEED));
      const anchor = page.locator('#django .heading-anchor');
      assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), '0');
      await anchor.focus();
      assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), '1');
    });
  });
});

describe('the folding menu', () => {
  for (const javaScriptEnabled of [true, false]) {
    const js = javaScriptEnabled ? 'on' : 'off';

    it(`folds the sidebar behind "Menu" at phone width and unfolds it, JavaScript ${js}`, async () => {
      await withPage({ viewport: PHONE, javaScriptEnabled }, async (page) => {
        await page.goto(url(SEED));
        const menu = page.locator('summary', { hasText: 'Menu' });
        const current = page.getByRole('navigation', { name: 'Site' }).locator('[aria-current="page"]');
        assert.equal(await menu.isVisible(), true);
        assert.equal(await current.isVisible(), false, 'folded on load');
        await menu.click();
        assert.equal(await current.isVisible(), true, 'unfolded by a click');
        assert.equal(await current.textContent(), 'Frameworks');
        await menu.click();
        assert.equal(await current.isVisible(), false, 'folded again');
        // The control works from the keyboard too.
        await menu.focus();
        await page.keyboard.press('Enter');
        assert.equal(await current.isVisible(), true, 'unfolded with Enter');
        await current.click();
        await page.waitForURL(url(SEED));
      });
    });

    it(`shows the sidebar without a Menu control at desktop width, JavaScript ${js}`, async () => {
      await withPage({ viewport: DESKTOP, javaScriptEnabled }, async (page) => {
        await page.goto(url(SEED));
        assert.equal(await page.locator('summary', { hasText: 'Menu' }).isVisible(), false);
        const nav = page.getByRole('navigation', { name: 'Site' });
        assert.equal(await nav.locator('[aria-current="page"]').isVisible(), true);
        assert.equal(await nav.getByRole('link', { name: 'Security', exact: true }).isVisible(), true);
      });
    });
  }
});

describe('the table of contents', () => {
  it('sits beside the page on a wide screen and folds under the title on a phone', async () => {
    await withPage({ viewport: { width: 1400, height: 900 } }, async (page) => {
      await page.goto(url(SEED));
      assert.equal(await page.locator('aside.toc').getByRole('link', { name: 'Flask' }).isVisible(), true);
      assert.equal(await page.locator('.toc-inline').isVisible(), false);
    });
    await withPage({ viewport: PHONE, javaScriptEnabled: false }, async (page) => {
      await page.goto(url(SEED));
      assert.equal(await page.locator('aside.toc').isVisible(), false);
      const contents = page.getByRole('navigation', { name: 'On this page' });
      const flask = contents.getByRole('link', { name: 'Flask' });
      assert.equal(await flask.isVisible(), false, 'folded on load');
      await contents.locator('summary').click();
      await flask.click();
      await page.waitForURL(url(`${SEED}#flask`));
    });
  });
});

describe('print', () => {
  it('prints the content without header, navigation, contents or pager', async () => {
    await withPage({ viewport: DESKTOP }, async (page) => {
      await page.goto(url(SEED));
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-header', '.site-sidebar', 'aside.toc', '.pager', '.site-footer']) {
        assert.equal(await page.locator(selector).isVisible(), false, selector);
      }
      assert.equal(await page.locator('h1').isVisible(), true);
      assert.equal(await page.locator('#sinatrapadrino').isVisible(), true);
    });
  });
});

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  const pages: [string, string][] = [
    ['home', '/'],
    ['section page', '/security/'],
    ['seed page', SEED],
    ['404 page', '/no/such/page/'],
  ];
  for (const [name, pathname] of pages) {
    it(`finds no violations on the ${name} in light and dark mode`, async () => {
      // The two colour schemes run side by side: axe's analysis is the slow part.
      const summaries = await Promise.all(
        (['light', 'dark'] as const).map((colorScheme) =>
          withPage({ viewport: DESKTOP, colorScheme }, async (page) => {
            const response = await page.goto(url(pathname));
            assert.equal(response!.status(), pathname.startsWith('/no/') ? 404 : 200);
            const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
            assert.ok(results.passes.length > 10, 'axe ran its rules');
            return results.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
          }),
        ),
      );
      assert.deepEqual(summaries.flat(), []);
    });
  }
});

describe('screenshots', { skip: !process.env.GUIDEBOOK_SCREENSHOTS && 'set GUIDEBOOK_SCREENSHOTS=DIR to write them' }, () => {
  it('writes the seed page and home at phone and desktop width, light and dark', async () => {
    const dir = process.env.GUIDEBOOK_SCREENSHOTS!;
    mkdirSync(dir, { recursive: true });
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await withPage({ viewport, colorScheme }, async (page) => {
          for (const [name, pathname] of [
            ['seed', SEED],
            ['home', '/'],
          ]) {
            await page.goto(url(pathname!));
            await page.screenshot({ path: path.join(dir, `${name}-${width}-${colorScheme}.png`), fullPage: true });
          }
        });
      }
    }
  });
});
