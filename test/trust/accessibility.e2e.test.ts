// Accessibility of every page, as readers meet it in Chromium: axe-core (WCAG 2.1 A and AA) in
// light and dark, at desktop and phone width; the keyboard; reduced motion; no console errors
// (a Content-Security-Policy violation shows there).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE } from '../helpers/browser.ts';
import { buildSite, fixturesDir, projectRoot } from '../helpers/run.ts';
import { serveStatic, type StaticServer } from '../helpers/staticServer.ts';
import { builtPages } from './builtPages.ts';
import { focusSequence, focusableInDomOrder, readingOrderProblems, visibleFocusProblems } from './keyboard.ts';

const SITES = {
  'real site': path.join(projectRoot, 'content'),
  'hostile site': path.join(fixturesDir, 'trust-hostile'),
};
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
const served = new Map<string, { server: StaticServer; urls: string[] }>();

before(async () => {
  browser = await launchBrowser();
  for (const [name, input] of Object.entries(SITES)) {
    const result = await buildSite(input);
    assert.equal(result.code, 0, result.stderr);
    const server = await serveStatic(result.outputDir);
    served.set(name, { server, urls: builtPages(result.outputDir).map((p) => p.url) });
  }
});

after(async () => {
  await browser?.close();
  for (const { server } of served.values()) await server.close();
});

/** A page in a new context, recording console errors and script errors. */
async function openContext(options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return { context, page, errors };
}

function describeViolations(url: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map((v) => `${url} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join('\n    ')}`);
}

async function axe(page: Page) {
  return (await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations;
}

for (const siteName of Object.keys(SITES)) {
  describe(`axe-core on every page of the ${siteName}`, () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
        test(`${colorScheme}, ${width}: zero violations, no console errors`, async () => {
          const { server, urls } = served.get(siteName)!;
          const { context, page, errors } = await openContext({ colorScheme, viewport });
          const problems: string[] = [];
          try {
            for (const url of urls) {
              await page.goto(server.url + url.slice(1));
              problems.push(...describeViolations(url, await axe(page)));
              // WCAG 1.4.10 Reflow, which axe does not check: nothing makes the page scroll sideways.
              // Nor does any part spill into the next column.
              const overflowing = await page.evaluate(() =>
                ['html', 'main', '.site-sidebar', '.toc', 'header', 'footer']
                  .map((selector) => [selector, document.querySelector(selector)] as const)
                  .filter(([, e]) => e && e.scrollWidth - e.clientWidth > 1)
                  .map(([selector, e]) => `${selector} by ${e!.scrollWidth - e!.clientWidth}px`),
              );
              if (overflowing.length > 0) problems.push(`${url} overflows sideways: ${overflowing.join(', ')}`);
            }
            if (width === 'phone') {
              // The folded navigation, opened.
              await page.goto(server.url);
              await page.locator('.nav-fold > summary').click();
              problems.push(...describeViolations('/ (menu open)', await axe(page)));
            }
          } finally {
            await context.close();
          }
          assert.deepEqual(problems, []);
          assert.deepEqual(errors, []);
        });
      }
    }
  });
}

describe('a keyboard-only reader', () => {
  const pagesToWalk = [
    ['real site', '/security/frameworks/'],
    ['real site', '/'],
    ['hostile site', '/'],
    ['hostile site', '/guides/long/'],
    ['hostile site', '/guides/child-13/'],
  ] as const;
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    for (const [siteName, url] of pagesToWalk) {
      test(`${width}, ${siteName} ${url}: Tab reaches every control in reading order, each visibly focused`, async () => {
        const { context, page } = await openContext({ viewport });
        try {
          await page.goto(served.get(siteName)!.server.url + url.slice(1));
          const expected = await focusableInDomOrder(page);
          const walked = await focusSequence(page, expected.length + 2);
          assert.deepEqual(walked.map((s) => s.key), expected, 'Tab visits the visible controls in document order, once each');
          assert.deepEqual(visibleFocusProblems(walked), []);
          assert.deepEqual(readingOrderProblems(walked), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('the skip link is the first stop and moves focus to the content', async () => {
    const { context, page } = await openContext({ viewport: DESKTOP });
    try {
      await page.goto(`${served.get('real site')!.server.url}security/frameworks/`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'mainContent');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.getElementById('mainContent')!.contains(document.activeElement)), 'the next Tab stays in the content');
    } finally {
      await context.close();
    }
  });

  test('at phone width the menu opens from the keyboard and its links follow in order', async () => {
    const { context, page } = await openContext({ viewport: PHONE });
    try {
      await page.goto(`${served.get('hostile site')!.server.url}guides/child-13/`);
      await page.locator('.nav-fold > summary').focus();
      assert.equal(await page.locator('.site-nav a').first().isVisible(), false, 'the menu starts folded');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#siteNavFold').getAttribute('open'), '');
      const expected = await focusableInDomOrder(page);
      const walked = await focusSequence(page, expected.length + 2);
      assert.deepEqual(walked.map((s) => s.key), expected);
      assert.ok(walked.some((s) => s.key.includes('Child page 13')), 'the open menu is in the Tab order');
      assert.deepEqual(readingOrderProblems(walked), []);
    } finally {
      await context.close();
    }
  });
});

describe('prefers-reduced-motion', () => {
  test('is honoured: no smooth scrolling, transition or animation when a reader asks for less motion', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const { context, page } = await openContext({ viewport: DESKTOP, reducedMotion });
      try {
        for (const [siteName, { server }] of served) {
          await page.goto(server.url);
          // A string, so that no helper the TypeScript loader adds to functions reaches the page.
          const motion = await page.evaluate<{ scroll: string; moving: string[] }>(`(() => {
            const moving = [];
            for (const element of [document.documentElement, ...document.querySelectorAll('body *')]) {
              const style = getComputedStyle(element);
              const longest = (list) => Math.max(...list.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1)));
              if (style.animationName !== 'none' && longest(style.animationDuration) > 0) moving.push(element.tagName + ' animation');
              if (longest(style.transitionDuration) > 0) moving.push(element.tagName + '.' + element.className + ' transition');
            }
            return { scroll: getComputedStyle(document.documentElement).scrollBehavior, moving };
          })()`);
          if (reducedMotion === 'reduce') {
            assert.equal(motion.scroll, 'auto', `${siteName}: smooth scrolling despite reduced motion`);
            assert.deepEqual(motion.moving, [], siteName);
          } else {
            assert.equal(motion.scroll, 'smooth', `${siteName}: in-page links scroll smoothly for everyone else`);
          }
        }
      } finally {
        await context.close();
      }
    }
  });
});
