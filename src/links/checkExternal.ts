import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { escapeHtml } from '../markdown/escapeHtml.ts';
import { attributeBreaks, type LinkBreak } from './attributeBreaks.ts';
import type { TargetProblem } from './checkTarget.ts';
import type { ExternalRefs, FoundBreak } from './findBreaks.ts';
import type { LinkSources } from './linkSources.ts';
import type { SiteAddress } from './resolveRef.ts';

export interface ExternalCheckOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** Time one request may take, in milliseconds. */
  timeoutMs?: number;
  /** Retries of a 5xx answer, a 429 without `Retry-After`, or no answer (exponential backoff). */
  retries?: number;
  /** Random extra wait before each retry, in milliseconds, so retries do not arrive together. */
  retryJitterMs?: number;
  /** Regular expressions of URLs never fetched (`link_check_skip` in `site.yml`). */
  skip?: readonly string[];
  /** Where results are kept between runs. */
  cacheFile?: string;
  /** How long a result is trusted, in milliseconds (a day). */
  cacheMaxAgeMs?: number;
}

export const DEFAULT_CACHE_FILE = path.join('.cache', 'guidebook', 'external-links.json');
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_REDIRECTS = 5;

/** What fetching one URL showed. `unknown`: blocked by bot protection, neither good nor bad. */
export type ExternalOutcome =
  | { outcome: 'ok' }
  | { outcome: 'broken'; detail: string }
  | { outcome: 'moved'; to: string }
  | { outcome: 'redirect'; to: string }
  | { outcome: 'unknown' };

interface CacheEntry {
  checkedAt: number;
  result: ExternalOutcome;
}

/**
 * Checks each distinct external URL once (fragments dropped), politely: results younger than a
 * day come from the cache; the rest go to linkinator with a concurrency limit, a timeout and
 * retries that honour `Retry-After`. Redirects are followed one hop at a time so that a
 * permanent one (301, 308) is reported as a warning with its new URL.
 */
export async function checkExternalLinks(externals: ExternalRefs, sources: LinkSources, site: SiteAddress, options: ExternalCheckOptions): Promise<LinkBreak[]> {
  const skip = (options.skip ?? []).map((pattern) => new RegExp(pattern));
  const byBase = new Map<string, string[]>();
  for (const url of externals.keys()) {
    if (skip.some((pattern) => pattern.test(url))) continue;
    const base = withoutFragment(url);
    const list = byBase.get(base);
    if (list) list.push(url);
    else byBase.set(base, [url]);
  }
  const outcomes = await fetchOutcomes([...byBase.keys()], options);
  const found: FoundBreak[] = [];
  for (const [base, urls] of byBase) {
    const problem = problemOf(base, outcomes);
    if (!problem) continue;
    for (const url of urls) {
      for (const occurrence of externals.get(url) ?? []) {
        const fragment = url.slice(base.length);
        found.push({ ...occurrence, key: url, problem: problem.problem === 'moved' ? { ...problem, movedTo: `${problem.movedTo}${fragment}` } : problem });
      }
    }
  }
  return attributeBreaks(found, sources, site, new Map());
}

/** Follows a URL's outcomes through redirects to what a reader would meet. */
function problemOf(url: string, outcomes: ReadonlyMap<string, ExternalOutcome>): TargetProblem | undefined {
  let current = url;
  let movedTo: string | undefined;
  for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
    const result = outcomes.get(current);
    if (!result || result.outcome === 'ok' || result.outcome === 'unknown') {
      return movedTo ? { problem: 'moved', path: url, movedTo } : undefined;
    }
    if (result.outcome === 'broken') {
      const detail = current === url ? result.detail : `redirects to ${current}, which ${result.detail.replace(/^answered/, 'answers')}`;
      return { problem: 'external', path: url, detail };
    }
    // A permanent move is worth updating only while every hop so far was permanent too.
    if (result.outcome === 'moved' && (movedTo !== undefined || current === url)) movedTo = result.to;
    current = result.to;
  }
  return { problem: 'external', path: url, detail: `redirects more than ${MAX_REDIRECTS} times` };
}

/** Outcomes of the URLs and of every redirect target they lead to, from the cache or the network. */
async function fetchOutcomes(urls: string[], options: ExternalCheckOptions): Promise<Map<string, ExternalOutcome>> {
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
    for (const [url, result] of await fetchWithLinkinator(toFetch, options)) {
      outcomes.set(url, result);
      if (isLasting(result)) cache[url] = { checkedAt: now, result };
    }
    pending = [...new Set([...outcomes.values()].flatMap(nextHop))].filter((url) => !outcomes.has(url));
  }
  writeCache(cacheFile, cache);
  return outcomes;
}

function nextHop(result: ExternalOutcome): string[] {
  return result.outcome === 'moved' || result.outcome === 'redirect' ? [result.to] : [];
}

/** Server errors, rate limits and timeouts pass; they are asked again on the next run. */
function isLasting(result: ExternalOutcome): boolean {
  return result.outcome !== 'unknown' && !(result.outcome === 'broken' && /^(answered (5\d\d|429|408)|did not answer)/.test(result.detail));
}

/**
 * linkinator checks the links of a page; the page we give it is a list of the URLs, written to
 * a temporary folder that it serves from 127.0.0.1. Redirects are not followed (`error` mode),
 * so each answer keeps its status and `Location`.
 */
async function fetchWithLinkinator(urls: string[], options: ExternalCheckOptions): Promise<Map<string, ExternalOutcome>> {
  const outcomes = new Map<string, ExternalOutcome>();
  if (urls.length === 0) return outcomes;
  const folder = mkdtempSync(path.join(tmpdir(), 'guidebook-links-'));
  try {
    const list = urls.map((url) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`).join('\n');
    writeFileSync(path.join(folder, 'index.html'), `<!doctype html><title>External links</title>\n${list}\n`);
    const wanted = new Set(urls);
    // linkinator waits out every `Retry-After` it is given; a site that always answers 429
    // would hold the check forever, so after a few rounds the URL is skipped and reported.
    const retried = new Map<string, number>();
    const maxRetries = (options.retries ?? 3) + 2;
    const checker = new LinkChecker();
    checker.on('retry', ({ url }) => retried.set(url, (retried.get(url) ?? 0) + 1));
    const result = await checker.check({
      path: path.join(folder, 'index.html'),
      recurse: false,
      concurrency: options.concurrency ?? 8,
      timeout: options.timeoutMs ?? 10_000,
      retry: true,
      retryErrors: true,
      retryErrorsCount: options.retries ?? 3,
      retryErrorsJitter: options.retryJitterMs ?? 1_000,
      redirects: 'error',
      linksToSkip: async (url) => (retried.get(url) ?? 0) > maxRetries,
    });
    for (const link of result.links) {
      if (!wanted.has(link.url)) continue;
      const gaveUp = (retried.get(link.url) ?? 0) > maxRetries;
      outcomes.set(link.url, gaveUp ? { outcome: 'broken', detail: `answered 429 (too many requests) ${maxRetries + 1} times` } : outcomeOf(link, options));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return outcomes;
}

export function outcomeOf(link: LinkResult, options: Pick<ExternalCheckOptions, 'timeoutMs'> = {}): ExternalOutcome {
  if (link.state === LinkState.SKIPPED) return { outcome: 'unknown' };
  const status = link.status ?? 0;
  if (link.state === LinkState.OK) return { outcome: 'ok' };
  if (status >= 300 && status < 400) {
    const response = link.failureDetails?.find((d): d is { status: number; headers: Record<string, string> } => 'headers' in d);
    const location = response?.headers.location;
    if (location) {
      const to = new URL(location, link.url).href;
      return status === 301 || status === 308 ? { outcome: 'moved', to } : { outcome: 'redirect', to };
    }
  }
  if (status > 0) return { outcome: 'broken', detail: `answered ${status}` };
  const seconds = ((options.timeoutMs ?? 10_000) / 1000).toString();
  const error = link.failureDetails?.find((d): d is Error => d instanceof Error);
  const timedOut = !error || /abort|timeout/i.test(`${error.name} ${error.message}`);
  return { outcome: 'broken', detail: timedOut ? `did not answer within ${seconds} s` : `could not be reached (${error.message})` };
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function readCache(file: string): Record<string, CacheEntry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; results?: Record<string, CacheEntry> };
    return data.version === 1 && data.results ? data.results : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, results: Record<string, CacheEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ version: 1, results }, null, 1)}\n`);
}
