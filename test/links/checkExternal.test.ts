import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixturesDir, runCli, tempDir, type RunResult } from '../helpers/run.ts';

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
