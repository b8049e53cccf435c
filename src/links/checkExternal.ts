import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { escapeHtml } from '../markdown/escapeHtml.ts';
import { attributeBreaks, type LinkBreak } from './attributeBreaks.ts';
import type { TargetProblem } from './checkTarget.ts';
import type { ExternalRefs, FoundBreak } from './findBreaks.ts';
import type { LinkSources } from './linkSources.ts';
import type { SiteAddress } from './resolveRef.ts';
import { retryAfterMs } from './retryAfter.ts';

export interface ExternalCheckOptions {
  /** Requests in flight at once, over all hosts. */
  concurrency?: number;
  /** Time one request may take, in milliseconds. */
  timeoutMs?: number;
  /** Retries of a 5xx answer, a 429 or no answer (exponential backoff, or the `Retry-After` asked for). */
  retries?: number;
  /** Random extra wait before each retry, in milliseconds, so retries do not arrive together. */
  retryJitterMs?: number;
  /** Time the whole check may take, in milliseconds: no request starts after it (`--max-time`). */
  maxTimeMs?: number;
  /** Regular expressions of URLs never fetched (`link_check_skip` in `site.yml`). */
  skip?: readonly string[];
  /** Where results are kept between runs. */
  cacheFile?: string;
  /** How long a result is trusted, in milliseconds (a day). */
  cacheMaxAgeMs?: number;
}

export const DEFAULT_CACHE_FILE = path.join('.cache', 'guidebook', 'external-links.json');
/** Five minutes: a weekly check of a few hundred URLs needs one or two. */
export const DEFAULT_MAX_TIME_MS = 5 * 60 * 1000;
/** The longest `Retry-After` waited out. A site asking for more is not asked again this run. */
export const MAX_RETRY_AFTER_S = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_REDIRECTS = 5;
/** URLs named in the one line about URLs left unchecked. */
const UNCHECKED_SHOWN = 3;

/**
 * What fetching one URL showed. `unknown`: blocked by bot protection, neither good nor bad.
 * `asked-to-wait`: the site asked for a longer wait than the check gives it. `not-checked`:
 * the check's time ran out first.
 */
export type ExternalOutcome =
  | { outcome: 'ok' }
  | { outcome: 'broken'; detail: string }
  | { outcome: 'moved'; to: string }
  | { outcome: 'redirect'; to: string }
  | { outcome: 'unknown' }
  | { outcome: 'asked-to-wait'; seconds: number }
  | { outcome: 'not-checked' };

/** What to tell the editor about one URL, after following its redirects. */
type Verdict = { verdict: 'problem'; problem: TargetProblem } | { verdict: 'asked-to-wait'; seconds: number } | { verdict: 'not-checked' };

interface CacheEntry {
  checkedAt: number;
  result: ExternalOutcome;
}

/**
 * Checks each distinct external URL once (fragments dropped), politely: results younger than a
 * day come from the cache; the rest go to linkinator with a concurrency limit and a timeout,
 * and are retried here (backoff, or the `Retry-After` asked for, up to a minute) within the
 * run's time limit. Redirects are followed one hop at a time so that a permanent one (301,
 * 308) is reported as a warning with its new URL. URLs the time limit left unchecked are
 * named in one line on stderr: they are neither good nor broken.
 */
export async function checkExternalLinks(externals: ExternalRefs, sources: LinkSources, site: SiteAddress, options: ExternalCheckOptions): Promise<LinkBreak[]> {
  const deadline = Date.now() + (options.maxTimeMs ?? DEFAULT_MAX_TIME_MS);
  const skip = (options.skip ?? []).map((pattern) => new RegExp(pattern));
  const byBase = new Map<string, string[]>();
  for (const url of externals.keys()) {
    if (skip.some((pattern) => pattern.test(url))) continue;
    const base = withoutFragment(url);
    const list = byBase.get(base);
    if (list) list.push(url);
    else byBase.set(base, [url]);
  }
  const outcomes = await fetchOutcomes([...byBase.keys()], options, deadline);
  const found: FoundBreak[] = [];
  const waits = new Map<number, FoundBreak[]>();
  const notChecked: string[] = [];
  for (const [base, urls] of byBase) {
    const verdict = verdictOf(base, outcomes);
    if (!verdict) continue;
    if (verdict.verdict === 'not-checked') {
      notChecked.push(base);
      continue;
    }
    for (const url of urls) {
      for (const occurrence of externals.get(url) ?? []) {
        const fragment = url.slice(base.length);
        if (verdict.verdict === 'asked-to-wait') {
          const list = waits.get(verdict.seconds) ?? [];
          list.push({ ...occurrence, key: url, problem: { problem: 'external', path: url } });
          waits.set(verdict.seconds, list);
          continue;
        }
        const { problem } = verdict;
        found.push({ ...occurrence, key: url, problem: problem.problem === 'moved' ? { ...problem, movedTo: `${problem.movedTo}${fragment}` } : problem });
      }
    }
  }
  if (notChecked.length > 0) console.warn(notCheckedLine(notChecked, options.maxTimeMs ?? DEFAULT_MAX_TIME_MS));
  return [...attributeBreaks(found, sources, site, new Map()), ...[...waits].flatMap(([seconds, breaks]) => askedToWait(attributeBreaks(breaks, sources, site, new Map()), seconds))];
}

/** A site that asked for a long wait may be fine: a warning, so the check still passes. */
function askedToWait(breaks: LinkBreak[], seconds: number): LinkBreak[] {
  return breaks.map((b) => ({
    ...b,
    severity: 'warning',
    message: `${b.kind === 'image' ? 'image' : 'link'} ${b.href} was not checked: the site asked to wait ${seconds} s; not retried.`,
    note: `The check waits at most ${MAX_RETRY_AFTER_S} s for a site; the next run asks again.`,
  }));
}

function notCheckedLine(urls: readonly string[], maxTimeMs: number): string {
  const shown = urls.slice(0, UNCHECKED_SHOWN).join(', ');
  const count = urls.length === 1 ? '1 external URL was' : `${urls.length} external URLs were`;
  return `warning: ${count} not checked within the check's ${maxTimeMs / 1000} s (--max-time=SECONDS): ${shown}${urls.length > UNCHECKED_SHOWN ? ', …' : ''}. The next run asks again.`;
}

/** Follows a URL's outcomes through redirects to what a reader would meet. */
function verdictOf(url: string, outcomes: ReadonlyMap<string, ExternalOutcome>): Verdict | undefined {
  let current = url;
  let movedTo: string | undefined;
  for (let hops = 0; hops <= MAX_REDIRECTS; hops++) {
    const result = outcomes.get(current) ?? { outcome: 'not-checked' };
    // A permanent move is worth reporting whatever is known of the new URL.
    if (movedTo && (result.outcome === 'asked-to-wait' || result.outcome === 'not-checked')) return { verdict: 'problem', problem: { problem: 'moved', path: url, movedTo } };
    if (result.outcome === 'asked-to-wait') return { verdict: 'asked-to-wait', seconds: result.seconds };
    if (result.outcome === 'not-checked') return { verdict: 'not-checked' };
    if (result.outcome === 'ok' || result.outcome === 'unknown') {
      return movedTo ? { verdict: 'problem', problem: { problem: 'moved', path: url, movedTo } } : undefined;
    }
    if (result.outcome === 'broken') {
      const detail = current === url ? result.detail : `redirects to ${current}, which ${result.detail.replace(/^answered/, 'answers')}`;
      return { verdict: 'problem', problem: { problem: 'external', path: url, detail } };
    }
    // A permanent move is worth updating only while every hop so far was permanent too.
    if (result.outcome === 'moved' && (movedTo !== undefined || current === url)) movedTo = result.to;
    current = result.to;
  }
  return { verdict: 'problem', problem: { problem: 'external', path: url, detail: `redirects more than ${MAX_REDIRECTS} times` } };
}

/** Outcomes of the URLs and of every redirect target they lead to, from the cache or the network. */
async function fetchOutcomes(urls: string[], options: ExternalCheckOptions, deadline: number): Promise<Map<string, ExternalOutcome>> {
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

function nextHop(result: ExternalOutcome): string[] {
  return result.outcome === 'moved' || result.outcome === 'redirect' ? [result.to] : [];
}

/** Server errors, rate limits, timeouts and unfinished checks pass; they are asked again on the next run. */
function isLasting(result: ExternalOutcome): boolean {
  if (result.outcome === 'unknown' || result.outcome === 'asked-to-wait' || result.outcome === 'not-checked') return false;
  return !(result.outcome === 'broken' && /^(answered (5\d\d|429|408)|did not answer)/.test(result.detail));
}

/** No answer, a server error or a rate limit: worth asking again. */
function isPassingFailure(link: LinkResult): boolean {
  const status = link.status ?? 0;
  return link.state === LinkState.BROKEN && (status === 0 || status === 429 || status >= 500);
}

function retryAfterOf(link: LinkResult): string | undefined {
  return responseOf(link)?.headers['retry-after'];
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
      linksToSkip: async (url) => {
        if (!wanted.has(url) || Date.now() <= deadline) return false;
        notStarted.add(url);
        return true;
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

function responseOf(link: LinkResult): { status: number; headers: Record<string, string> } | undefined {
  return link.failureDetails?.find((d): d is { status: number; headers: Record<string, string> } => typeof d === 'object' && d !== null && 'headers' in d);
}

export function outcomeOf(link: LinkResult, options: Pick<ExternalCheckOptions, 'timeoutMs'> = {}): ExternalOutcome {
  if (link.state === LinkState.SKIPPED) return { outcome: 'unknown' };
  const status = link.status ?? 0;
  if (link.state === LinkState.OK) return { outcome: 'ok' };
  if (status >= 300 && status < 400) {
    const location = responseOf(link)?.headers.location;
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
