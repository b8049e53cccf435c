// The dev server step: how long after saving a file an editor sees the change.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { devServerCommand } from './adapters.ts';
import { corpusPages, type CorpusPage } from './corpus.ts';
import { killTree } from './measure.ts';
import { spreadOf, type Spread } from './stats.ts';

export interface DevServerFigures {
  /** From start to the first page served. */
  startSeconds: number;
  /** Body edit of one page -> the server serves the new text (HTTP polling every 20 ms). */
  bodyEditServed: Spread;
  /** Body edit -> the open page in Chromium shows the new text (live reload), when Chromium is installed. */
  bodyEditBrowser?: Spread;
  /** navtitle change of a top-level page -> every page's sidebar shows the new label (stale pages counted after 60 s). */
  labelChangeAllPages: { seconds: number; pagesChecked: number; pagesStale: number };
}

const POLL_MS = 20;
const CHANGE_TIMEOUT_MS = 60_000;

/**
 * Starts `npm start`'s server on a copy of the corpus, edits one page's body `edits` times and
 * then one top-level page's navtitle, and times each change until it is served.
 */
export async function measureDevServer(corpusDir: string, workDir: string, edits = 3): Promise<DevServerFigures> {
  const inputDir = path.join(workDir, 'dev-input');
  const siteDir = path.join(workDir, 'dev-site');
  cpSync(corpusDir, inputDir, { recursive: true });
  const pages = corpusPages(inputDir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { command, args } = devServerCommand(inputDir, siteDir, port);
  const started = performance.now();
  const server = spawn(command, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
  server.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
  const browser = await openBrowser();
  try {
    const edited = pages[Math.floor(pages.length / 2)]!;
    await waitFor(async () => (await get(base + edited.url)).includes('</html>'), 180_000, () => `the dev server never served ${edited.url}:\n${log}`);
    const startSeconds = (performance.now() - started) / 1000;
    // Give the file watcher time to finish its first scan before the first edit.
    await sleep(2000);

    const page = browser ? await browser.newPage() : undefined;
    await page?.goto(base + edited.url);
    const served: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i < edits; i++) {
      const marker = `Bench edit marker ${i} ${Date.now()}`;
      const file = path.join(inputDir, edited.file);
      const t0 = performance.now();
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n${marker}\n`);
      const inBrowser = page
        ?.waitForFunction((text) => document.body?.innerText.includes(text), marker, { timeout: CHANGE_TIMEOUT_MS, polling: POLL_MS })
        .then(() => shown.push((performance.now() - t0) / 1000))
        .catch(() => undefined); // reported as a missing browser figure
      await waitFor(async () => (await get(base + edited.url)).includes(marker), CHANGE_TIMEOUT_MS, () => `the edit never showed:\n${log}`);
      served.push((performance.now() - t0) / 1000);
      await inBrowser;
      await sleep(1500); // let the rebuild and the reload settle
    }

    const labelChangeAllPages = await measureLabelChange(inputDir, pages, base);
    return {
      startSeconds,
      bodyEditServed: spreadOf(served),
      bodyEditBrowser: shown.length > 0 ? spreadOf(shown) : undefined,
      labelChangeAllPages,
    };
  } finally {
    await browser?.close();
    killTree(server.pid, 'SIGTERM');
  }
}

/** Renames a top-level page in the nav (its navtitle) and waits until every page's sidebar has the new label. */
async function measureLabelChange(inputDir: string, pages: CorpusPage[], base: string): Promise<DevServerFigures['labelChangeAllPages']> {
  const top = pages.find((p) => p.parent === undefined)!;
  const label = `Renamed ${Date.now()}`;
  const file = path.join(inputDir, top.file);
  const text = readFileSync(file, 'utf8');
  // navtitle, not title: children name their parent by title, so the tree keeps its shape.
  const changed = top.navtitle !== undefined
    ? text.replace(/^navtitle: .*$/m, `navtitle: ${JSON.stringify(label)}`)
    : text.replace(/^title: .*$/m, (line) => `${line}\nnavtitle: ${JSON.stringify(label)}`);
  const far = pages[pages.length - 1]!;
  const shows = (html: string) => html.includes(`>${label}</a>`);
  const t0 = performance.now();
  writeFileSync(file, changed);
  // First one far page, then every page; pages still stale at the deadline are counted, not thrown.
  const deadline = Date.now() + CHANGE_TIMEOUT_MS;
  while (!shows(await get(base + far.url)) && Date.now() < deadline) await sleep(POLL_MS);
  let stale = pages;
  while (stale.length > 0 && Date.now() < deadline) {
    const still: CorpusPage[] = [];
    for (const page of stale) if (!shows(await get(base + page.url))) still.push(page);
    stale = still;
    if (stale.length > 0) await sleep(POLL_MS);
  }
  return { seconds: (performance.now() - t0) / 1000, pagesChecked: pages.length, pagesStale: stale.length };
}

async function get(url: string): Promise<string> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, message: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(message());
    await sleep(POLL_MS);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Debian's Chromium through the tests' launcher, when it is installed; the step then also times the live reload. */
async function openBrowser() {
  if (!existsSync('/usr/bin/chromium')) return undefined;
  const { launchBrowser } = await import('../test/helpers/browser.ts');
  return launchBrowser();
}
