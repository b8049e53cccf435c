// Fetching external URLs politely: the cache first, then linkinator with a concurrency limit and
// a timeout, retried here with backoff (or the `Retry-After` asked for) within the run's time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LinkChecker, type LinkResult } from 'linkinator';
import { escapeHtml } from '../markdown/escapeHtml.ts';
import { isLasting, readCache, writeCache } from './externalCache.ts';
import { DEFAULT_CACHE_FILE, MAX_RETRY_AFTER_S, type ExternalCheckOptions } from './externalCheckOptions.ts';
import { isPassingFailure, MAX_REDIRECTS, nextHop, outcomeOf, retryAfterOf, type ExternalOutcome } from './externalOutcome.ts';
import { retryAfterMs } from './retryAfter.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Outcomes of the URLs and of every redirect target they lead to, from the cache or the network. */
export async function fetchOutcomes(urls: string[], options: ExternalCheckOptions, deadline: number): Promise<Map<string, ExternalOutcome>> {
  const cacheFile = options.cacheFile ?? DEFAULT_CACHE_FILE;
  const maxAge = options.cacheMaxAgeMs ?? DAY_MS;
  const cache = readCache(cacheFile);
  const now = Date.now();
  const outcomes = new Map<string, ExternalOutcome>();
  let pending = urls;
  for (let round = 0; round <= MAX_REDIRECTS && pending.length > 0; round++) {
    const toFetch: string[] = [];
    for (const url of pending) {
      const cached = cache[url];
      if (cached && now - cached.checkedAt < maxAge) outcomes.set(url, cached.result);
      else toFetch.push(url);
    }
    for (const [url, result] of await fetchWithRetries(toFetch, options, deadline)) {
      outcomes.set(url, result);
      if (isLasting(result)) cache[url] = { checkedAt: now, result };
    }
    pending = [...new Set([...outcomes.values()].flatMap(nextHop))].filter((url) => !outcomes.has(url));
  }
  writeCache(cacheFile, cache);
  return outcomes;
}

/**
 * One outcome for each URL, asking again after a passing failure up to `retries` times. The
 * waits are ours, not linkinator's: linkinator would wait out any `Retry-After` as given (a
 * billion seconds overflows Node's timers, which then fire at once, over and over). A wait
 * longer than {@link MAX_RETRY_AFTER_S} is not waited; nothing starts after the deadline.
 */
async function fetchWithRetries(urls: string[], options: ExternalCheckOptions, deadline: number): Promise<Map<string, ExternalOutcome>> {
  const outcomes = new Map<string, ExternalOutcome>();
  const retries = options.retries ?? 3;
  const jitterMs = options.retryJitterMs ?? 1_000;
  const attempts = new Map<string, number>();
  // A host that asked for a wait is not asked about any of its URLs before then.
  const hostWaitsUntil = new Map<string, number>();
  const readyAt = ({ url, at }: { url: string; at: number }) => Math.max(at, hostWaitsUntil.get(new URL(url).host) ?? 0);
  let queue = urls.map((url) => ({ url, at: Date.now() }));
  while (queue.length > 0) {
    for (const item of queue.filter((item) => readyAt(item) > deadline)) outcomes.set(item.url, { outcome: 'not-checked' });
    queue = queue.filter((item) => readyAt(item) <= deadline);
    if (queue.length === 0) break;
    const next = queue.reduce((soonest, item) => Math.min(soonest, readyAt(item)), Number.POSITIVE_INFINITY);
    if (next > Date.now()) await sleep(next - Date.now());
    const now = Date.now();
    const batch = queue.filter((item) => readyAt(item) <= now).map((item) => item.url);
    queue = queue.filter((item) => readyAt(item) > now);
    for (const [url, answer] of await fetchOnce(batch, options, deadline)) {
      if (answer === 'not-started') {
        outcomes.set(url, { outcome: 'not-checked' });
        continue;
      }
      const attempt = (attempts.get(url) ?? 0) + 1;
      attempts.set(url, attempt);
      const rateLimited = answer.status === 429;
      if (!isPassingFailure(answer) || attempt > retries) {
        outcomes.set(url, rateLimited && attempt > 1 ? { outcome: 'broken', detail: `answered 429 (too many requests) ${attempt} times` } : outcomeOf(answer, options));
        continue;
      }
      const asked = rateLimited ? retryAfterMs(retryAfterOf(answer), Date.now()) : undefined;
      if (asked !== undefined && asked > MAX_RETRY_AFTER_S * 1000) {
        outcomes.set(url, { outcome: 'asked-to-wait', seconds: Math.round(asked / 1000) });
        continue;
      }
      const at = Date.now() + (asked ?? 2 ** attempt * 1000) + Math.random() * jitterMs;
      if (asked !== undefined) {
        const host = new URL(url).host;
        hostWaitsUntil.set(host, Math.max(hostWaitsUntil.get(host) ?? 0, at));
      }
      queue.push({ url, at });
    }
  }
  return outcomes;
}

/**
 * One request for each URL (two: linkinator asks again with GET when HEAD fails). linkinator
 * checks the links of a page; the page we give it is a list of the URLs, written to a temporary
 * folder that it serves from 127.0.0.1. Redirects are not followed (`error` mode), so each
 * answer keeps its status and `Location`. A URL whose turn comes after the deadline is skipped.
 */
async function fetchOnce(urls: string[], options: ExternalCheckOptions, deadline: number): Promise<Map<string, LinkResult | 'not-started'>> {
  const answers = new Map<string, LinkResult | 'not-started'>();
  if (urls.length === 0) return answers;
  const folder = mkdtempSync(path.join(tmpdir(), 'guidebook-links-'));
  try {
    const list = urls.map((url) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`).join('\n');
    writeFileSync(path.join(folder, 'index.html'), `<!doctype html><title>External links</title>\n${list}\n`);
    const wanted = new Set(urls);
    const notStarted = new Set<string>();
    const result = await new LinkChecker().check({
      path: path.join(folder, 'index.html'),
      recurse: false,
      concurrency: options.concurrency ?? 8,
      timeout: options.timeoutMs ?? 10_000,
      retry: false,
      retryErrors: false,
      redirects: 'error',
      // Asked as each request is about to start (and, harmlessly, as the page is read).
      linksToSkip: (url) => {
        if (!wanted.has(url) || Date.now() <= deadline) return Promise.resolve(false);
        notStarted.add(url);
        return Promise.resolve(true);
      },
    });
    for (const link of result.links) {
      if (wanted.has(link.url)) answers.set(link.url, notStarted.has(link.url) ? 'not-started' : link);
    }
    for (const url of urls) if (!answers.has(url)) answers.set(url, 'not-started');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return answers;
}
