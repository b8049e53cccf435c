// The external link check: each distinct external URL fetched once (./fetchExternal.ts), its
// answers followed through redirects (./externalOutcome.ts), and what it means reported on the
// lines the editor wrote the links on.
import { attributeBreaks, type LinkBreak } from './attributeBreaks.ts';
import { DEFAULT_MAX_TIME_MS, MAX_RETRY_AFTER_S, type ExternalCheckOptions } from './externalCheckOptions.ts';
import { verdictOf } from './externalOutcome.ts';
import { fetchOutcomes } from './fetchExternal.ts';
import type { ExternalRefs, FoundBreak } from './findBreaks.ts';
import type { LinkSources } from './linkSources.ts';
import type { SiteAddress } from './resolveRef.ts';

// The options and outcomes, for the commands that name them (src/cli/check-links.ts, ./checkLinks.ts).

/** URLs named in the one line about URLs left unchecked. */
const UNCHECKED_SHOWN = 3;

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

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
