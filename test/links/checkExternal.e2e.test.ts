import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesDir, runCli, tempDir, type RunResult } from '../helpers/run.ts';
import { scratchFolders } from '../helpers/scratch.ts';

/** Requests seen per path, with when they arrived; and the most served at once. */
interface Seen {
  times: Map<string, number[]>;
  inFlight: number;
  maxInFlight: number;
}

/** A server on 127.0.0.1 answering the ways real sites do: the external check's counterpart. */
async function startServer(): Promise<{ server: Server; port: number; seen: Seen }> {
  const seen: Seen = { times: new Map(), inFlight: 0, maxInFlight: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const times = seen.times.get(pathname) ?? [];
    times.push(Date.now());
    seen.times.set(pathname, times);
    seen.maxInFlight = Math.max(seen.maxInFlight, ++seen.inFlight);
    response.on('close', () => seen.inFlight--);
    const send = (status: number, headers: Record<string, string> = {}) => response.writeHead(status, { 'content-type': 'text/html', ...headers }).end('<p>x</p>');
    switch (pathname) {
      case '/ok':
      case '/ok-new':
        return send(200);
      case '/moved':
        return send(301, { location: '/ok-new' });
      case '/temporary':
        return send(302, { location: '/ok' });
      case '/moved-broken':
        return send(308, { location: '/missing' });
      case '/busy':
        // Busy for a second from the first request, as a rate limiter is: HEAD and GET alike.
        return Date.now() - times[0]! < 1000 ? send(429, { 'retry-after': '1' }) : send(200);
      case '/always-busy':
        return send(429, { 'retry-after': '0' });
      case '/error':
        return send(500);
      case '/hang':
        return; // headers never come
      default:
        return send(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

interface JsonBreak {
  severity: string;
  file: string;
  line?: number;
  href: string;
  problem: string;
  message: string;
  suggestion?: string;
}

describe('npm run check-links -- --external', () => {
  let local: Awaited<ReturnType<typeof startServer>>;
  let content: string;
  let outputDir: string;
  let cacheDir: string;
  const origin = () => `http://127.0.0.1:${local.port}`;
  const requests = (p: string) => local.seen.times.get(p)?.length ?? 0;
  const check = (extra: string[]): Promise<RunResult> =>
    runCli('check-links', [`--input=${content}`, `--output=${outputDir}`, '--format=json', ...extra], { env: { GITHUB_ACTIONS: 'false' } });
  const external = ['--external', '--timeout=0.5', '--retries=1', '--concurrency=2'];

  before(async () => {
    local = await startServer();
    const folder = tempDir('guidebook-external-');
    content = path.join(folder, 'content');
    cacheDir = path.join(folder, 'cache');
    cpSync(path.join(fixturesDir, 'links-external'), content, { recursive: true });
    const page = path.join(content, 'index.md');
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll('PORT', String(local.port)));
    outputDir = path.join(folder, 'site');
    const built = await runCli('build', [`--input=${content}`, `--output=${outputDir}`, '--quiet']);
    assert.equal(built.code, 0, built.stderr);
  });

  after(async () => {
    local.server.closeAllConnections();
    await new Promise((resolve) => local.server.close(resolve));
  });

  it('is off by default: no request leaves for an external link', async () => {
    const result = await check([]);
    assert.equal(result.code, 0, result.stdout);
    assert.equal(local.seen.times.size, 0);
  });

  it('reports each failing URL at its line, a permanent redirect as a warning with the new URL, and fails', async () => {
    const result = await check([...external, `--cache-dir=${cacheDir}`]);
    assert.equal(result.code, 1, result.stderr);
    const breaks = (JSON.parse(result.stdout) as { breaks: JsonBreak[] }).breaks;
    const at = (line: number) => breaks.find((b) => b.line === line);
    assert.deepEqual(
      breaks.map((b) => [b.line, b.severity, b.problem]),
      [
        [6, 'warning', 'moved'],
        [8, 'error', 'external'],
        [9, 'error', 'external'],
        [11, 'error', 'external'],
        [12, 'error', 'external'],
        [15, 'error', 'external'],
      ],
    );
    assert.ok(breaks.every((b) => b.file.endsWith('content/index.md')));
    assert.equal(at(6)!.suggestion, `${origin()}/ok-new#section`);
    assert.match(at(8)!.message, /^broken link http:\/\/127\.0\.0\.1:\d+\/missing: the site answered 404\.$/);
    assert.match(at(9)!.message, /\/moved-broken: the site redirects to http:\/\/127\.0\.0\.1:\d+\/missing, which answers 404\.$/);
    assert.match(at(11)!.message, /\/error: the site answered 500\.$/);
    assert.match(at(12)!.message, /\/hang: the site did not answer within 0\.5 s\.$/);
    assert.match(at(15)!.message, /\/always-busy: the site answered 429 \(too many requests\) 2 times\.$/);
  });

  it('was polite: each URL once, Retry-After honoured, retries with backoff, the concurrency limit kept, skips skipped', () => {
    assert.equal(requests('/ok'), 1, 'a URL linked twice is fetched once');
    assert.equal(requests('/skipped'), 0);
    const busy = local.seen.times.get('/busy')!;
    assert.ok(busy.length >= 3, 'retried after 429');
    assert.ok(busy.at(-1)! - busy[0]! >= 900, `waited ${busy.at(-1)! - busy[0]!} ms of the 1 s Retry-After`);
    assert.ok(requests('/error') >= 3, 'a 500 is retried');
    assert.ok(local.seen.maxInFlight <= 2, `at most 2 requests at once, saw ${local.seen.maxInFlight}`);
  });

  it('a second run within the day asks only for what failed for a passing reason', async () => {
    const before = new Map([...local.seen.times].map(([p, t]) => [p, t.length]));
    const result = await check([...external, `--cache-dir=${cacheDir}`]);
    assert.equal(result.code, 1);
    assert.equal((JSON.parse(result.stdout) as { breaks: JsonBreak[] }).breaks.length, 6);
    for (const p of ['/ok', '/ok-new', '/moved', '/missing', '/busy', '/temporary']) assert.equal(requests(p), before.get(p), `${p} came from the cache`);
    assert.ok(requests('/error') > before.get('/error')!, 'a server error is asked again');
  });
});

/** A content folder whose one page links to each URL, one a line (the first at line 5), built. */
async function buildSiteLinkingTo(scratch: ReturnType<typeof scratchFolders>, urls: readonly string[]): Promise<{ content: string; outputDir: string }> {
  const folder = scratch.keep(tempDir('guidebook-external-'));
  const content = path.join(folder, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'site.yml'), 'name: External links\n');
  writeFileSync(path.join(content, 'index.md'), `---\ntitle: External links\n---\n\n${urls.map((url) => `- <${url}>`).join('\n')}\n`);
  const outputDir = path.join(folder, 'site');
  const built = await runCli('build', [`--input=${content}`, `--output=${outputDir}`, '--quiet']);
  assert.equal(built.code, 0, built.stderr);
  return { content, outputDir };
}

/** A server on 127.0.0.1 that answers with `answer`, recording when each path was asked for. */
async function startAnsweringServer(answer: (pathname: string, first: number, response: ServerResponse) => void): Promise<{ origin: string; times: Map<string, number[]>; close(): Promise<void> }> {
  const times = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const seen = times.get(pathname) ?? [];
    seen.push(Date.now());
    times.set(pathname, seen);
    answer(pathname, seen[0]!, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    times,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const tooManyRequests = (response: ServerResponse, retryAfter: string) => response.writeHead(429, { 'content-type': 'text/html', 'retry-after': retryAfter }).end('<p>slow down</p>');
const lineCount = (result: RunResult) => `${result.stdout}\n${result.stderr}`.trim().split('\n').length;

describe('check-links --external and Retry-After', () => {
  const scratch = scratchFolders();
  after(() => scratch.removeAll());

  it('with its default options, ends at once against a site asking every request to wait 999999999 s: a warning per link, no timer warnings', async () => {
    const site = await startAnsweringServer((_pathname, _first, response) => tooManyRequests(response, '999999999'));
    try {
      const { content, outputDir } = await buildSiteLinkingTo(scratch, [`${site.origin}/a`, `${site.origin}/b`]);
      const result = await runCli('check-links', [`--input=${content}`, `--output=${outputDir}`, '--external', `--cache-dir=${scratch.keep(tempDir())}`], { env: { GITHUB_ACTIONS: 'false' } });
      assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, /TimeoutOverflowWarning|Warning/);
      assert.match(result.stdout, /index\.md:5: warning: link http:\/\/127\.0\.0\.1:\d+\/a was not checked: the site asked to wait 999999999 s; not retried\.$/m);
      assert.match(result.stdout, /index\.md:6: warning: link http:\/\/127\.0\.0\.1:\d+\/b was not checked: the site asked to wait 999999999 s; not retried\.$/m);
      assert.match(result.stdout, /The check waits at most 60 s for a site; the next run asks again\./);
      assert.match(result.stdout, /No broken links, 2 warnings/);
      assert.ok(lineCount(result) <= 12, `a few lines, not ${lineCount(result)}:\n${result.stdout}\n${result.stderr}`);
      for (const p of ['/a', '/b']) assert.ok((site.times.get(p)?.length ?? 0) <= 2, `${p} was asked once (HEAD, then GET), not retried`);
    } finally {
      await site.close();
    }
  });

  it('waits what a number or an HTTP-date asks, up to 60 s; backs off as if there were no header from -5, "soon" or a date already past', async () => {
    const inThreeSeconds = new Map<string, number>();
    const answer = (pathname: string, first: number, response: ServerResponse) => {
      switch (pathname) {
        case '/negative':
          return tooManyRequests(response, '-5');
        case '/soon':
          return tooManyRequests(response, 'soon');
        case '/past-date':
          return tooManyRequests(response, 'Wed, 21 Oct 2015 07:28:00 GMT');
        case '/a-day-from-now':
          return tooManyRequests(response, new Date(Date.now() + 24 * 60 * 60 * 1000).toUTCString());
        case '/date-soon': {
          // Busy until a whole second two to three seconds after the first request, and says so.
          const until = inThreeSeconds.get(pathname) ?? Math.floor((first + 3000) / 1000) * 1000;
          inThreeSeconds.set(pathname, until);
          if (Date.now() >= until) return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
          return tooManyRequests(response, new Date(until).toUTCString());
        }
        default:
          return tooManyRequests(response, '999999999');
      }
    };
    // Two hosts (ports), so that the waits one asks for do not hold the backoff measured on the other.
    const site = await startAnsweringServer(answer);
    const other = await startAnsweringServer(answer);
    try {
      const urls = [...['/negative', '/soon', '/past-date'].map((p) => `${site.origin}${p}`), ...['/a-day-from-now', '/date-soon', '/forever'].map((p) => `${other.origin}${p}`)];
      const { content, outputDir } = await buildSiteLinkingTo(scratch, urls);
      const args = [`--input=${content}`, `--output=${outputDir}`, '--format=json', '--external', '--timeout=2', '--retries=1', `--cache-dir=${scratch.keep(tempDir())}`];
      const result = await runCli('check-links', args, { env: { GITHUB_ACTIONS: 'false' } });
      assert.equal(result.code, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /Warning/);
      const breaks = (JSON.parse(result.stdout) as { breaks: JsonBreak[] }).breaks;
      assert.deepEqual(
        breaks.map((b) => [b.line, b.severity, new URL(b.href).pathname]),
        [
          [5, 'error', '/negative'],
          [6, 'error', '/soon'],
          [7, 'error', '/past-date'],
          [8, 'warning', '/a-day-from-now'],
          [10, 'warning', '/forever'],
        ],
        'the HTTP-date two seconds ahead was waited for, and then the link worked',
      );
      for (const b of breaks.slice(0, 3)) assert.match(b.message, /: the site answered 429 \(too many requests\) 2 times\.$/);
      assert.match(breaks[3]!.message, /was not checked: the site asked to wait 86(399|400) s; not retried\.$/);
      assert.match(breaks[4]!.message, /was not checked: the site asked to wait 999999999 s; not retried\.$/);
      const times = (p: string) => site.times.get(p) ?? other.times.get(p)!;
      const waited = (p: string) => times(p).at(-1)! - times(p)[0]!;
      for (const p of ['/negative', '/soon']) assert.ok(waited(p) >= 1500, `${p}: backed off 2 s before asking again, not ${waited(p)} ms`);
      assert.ok(waited('/date-soon') >= 1900, `the HTTP-date was waited for: ${waited('/date-soon')} ms`);
      for (const p of ['/a-day-from-now', '/forever']) assert.ok(times(p).length <= 2, `${p} was not asked again`);
    } finally {
      await Promise.all([site.close(), other.close()]);
    }
  });

  it('--max-time stops the check: URLs not asked by then are named in one line, neither good nor broken', async () => {
    const site = await startAnsweringServer(() => {
      // Never answers: each request ends at the timeout.
    });
    try {
      const { content, outputDir } = await buildSiteLinkingTo(scratch, ['/hang-1', '/hang-2', '/hang-3', '/hang-4'].map((p) => `${site.origin}${p}`));
      const args = [`--input=${content}`, `--output=${outputDir}`, '--format=json', '--external', '--timeout=0.5', '--concurrency=1', '--max-time=1', `--cache-dir=${scratch.keep(tempDir())}`];
      const result = await runCli('check-links', args, { env: { GITHUB_ACTIONS: 'false' } });
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual((JSON.parse(result.stdout) as { breaks: JsonBreak[] }).breaks, []);
      assert.match(
        result.stderr.trim(),
        /^warning: 4 external URLs were not checked within the check's 1 s \(--max-time=SECONDS\): http:\/\/127\.0\.0\.1:\d+\/hang-1, http:\/\/127\.0\.0\.1:\d+\/hang-2, http:\/\/127\.0\.0\.1:\d+\/hang-3, …\. The next run asks again\.$/,
      );
      assert.equal(site.times.get('/hang-4'), undefined, 'no request started after the time was up');
    } finally {
      await site.close();
    }
  });

  it('a site that never answers is broken once its retries are done, within the time', async () => {
    const site = await startAnsweringServer(() => {});
    try {
      const { content, outputDir } = await buildSiteLinkingTo(scratch, [`${site.origin}/hang`]);
      const args = [`--input=${content}`, `--output=${outputDir}`, '--format=json', '--external', '--timeout=0.5', '--retries=1', `--cache-dir=${scratch.keep(tempDir())}`];
      const result = await runCli('check-links', args, { env: { GITHUB_ACTIONS: 'false' } });
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, '');
      const breaks = (JSON.parse(result.stdout) as { breaks: JsonBreak[] }).breaks;
      assert.deepEqual(
        breaks.map((b) => [b.line, b.severity]),
        [[5, 'error']],
      );
      assert.match(breaks[0]!.message, /\/hang: the site did not answer within 0\.5 s\.$/);
      assert.equal(site.times.get('/hang')!.length, 4, 'two attempts, each HEAD then GET');
    } finally {
      await site.close();
    }
  });
});

describe('check-links --max-time', () => {
  it('must be a number of seconds, at least 1', async () => {
    for (const value of ['0', 'soon']) {
      const result = await runCli('check-links', ['--external', `--max-time=${value}`]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`^--max-time must be a number of at least 1, not ${value}\\.\\nUsage: .*\\[--max-time=SECONDS\\]`, 's'));
    }
  });
});
