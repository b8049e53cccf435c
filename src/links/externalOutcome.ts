// What one answer of an external site means (ok, broken, moved…), and what a URL's answers,
// followed through its redirects, mean for the editor.
import { LinkState, type LinkResult } from 'linkinator';
import type { TargetProblem } from './checkTarget.ts';
import type { ExternalCheckOptions } from './externalCheckOptions.ts';

export const MAX_REDIRECTS = 5;

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
export type Verdict = { verdict: 'problem'; problem: TargetProblem } | { verdict: 'asked-to-wait'; seconds: number } | { verdict: 'not-checked' };

/** Follows a URL's outcomes through redirects to what a reader would meet. */
export function verdictOf(url: string, outcomes: ReadonlyMap<string, ExternalOutcome>): Verdict | undefined {
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

/** The URL a redirect leads to, to be fetched in the next round. */
export function nextHop(result: ExternalOutcome): string[] {
  return result.outcome === 'moved' || result.outcome === 'redirect' ? [result.to] : [];
}

/** No answer, a server error or a rate limit: worth asking again. */
export function isPassingFailure(link: LinkResult): boolean {
  const status = link.status ?? 0;
  return link.state === LinkState.BROKEN && (status === 0 || status === 429 || status >= 500);
}

export function retryAfterOf(link: LinkResult): string | undefined {
  return responseOf(link)?.headers['retry-after'];
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
