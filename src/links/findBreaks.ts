import { checkTarget, type TargetProblem } from './checkTarget.ts';
import { resolveRef, type ResolvedRef, type SiteAddress } from './resolveRef.ts';
import type { RefKind } from './scanHtml.ts';
import type { SiteScan } from './scanSite.ts';
import { urlOfPath } from './siteTargets.ts';
import { withPathPrefix } from '../urls/sitePaths.ts';

/** A link on a built page that does not work, before it is traced to its source. */
export interface FoundBreak {
  /** Site path of the built page it is on (`/guide/index.html`). */
  pagePath: string;
  /** The href as it stands in the built HTML. */
  href: string;
  kind: RefKind;
  problem: TargetProblem;
  /** The link's resolution, to match it with the source link that produced it. */
  key: string;
}

/** Where each external URL appears: the built pages and the hrefs as written there. */
export type ExternalRefs = Map<string, { pagePath: string; href: string; kind: RefKind }[]>;

export interface BreakSearch {
  breaks: FoundBreak[];
  externals: ExternalRefs;
  /** Link occurrences looked at (each distinct href once per page). */
  links: number;
  /** Distinct targets resolved (path + fragment). */
  targets: number;
}

/** What one href on one page comes to: a destination key and, when broken, why. */
interface Outcome {
  key: string;
  problem?: TargetProblem;
  /** Set for links to other sites. */
  external?: string;
  skip?: boolean;
}

/**
 * Checks every link of every scanned page against the scanned targets. Each distinct href is
 * resolved once per folder (site-absolute ones once for the site) and each distinct target
 * checked once, so the thousands of repeated navigation links cost a map lookup each.
 */
export function findBreaks(scan: Pick<SiteScan, 'targets' | 'pages'>, site: SiteAddress, options: { collectExternal?: boolean } = {}): BreakSearch {
  const checked = new Map<string, TargetProblem | undefined>();
  const absolute = new Map<string, Outcome>();
  const byFolder = new Map<string, Map<string, Outcome>>();
  const breaks: FoundBreak[] = [];
  const externals: ExternalRefs = new Map();
  let links = 0;
  const outcomeOf = (href: string, pageUrl: string): Outcome => {
    const ref = resolveRef(href, pageUrl, site);
    const key = refKey(ref);
    switch (ref.kind) {
      case 'skip':
        return { key, skip: true };
      case 'external':
        return { key, external: ref.url };
      case 'outside':
        return { key, problem: { problem: 'outside-prefix', path: ref.path } };
      case 'invalid':
        return { key, problem: { problem: 'invalid', path: ref.href } };
    }
    if (!checked.has(key)) checked.set(key, checkTarget(ref.path, ref.fragment, scan.targets, site));
    return { key, problem: checked.get(key) };
  };
  for (const page of scan.pages) {
    const pageUrl = withPathPrefix(urlOfPath(page.path), site.pathPrefix);
    const folder = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1);
    let relative = byFolder.get(folder);
    if (!relative) byFolder.set(folder, (relative = new Map<string, Outcome>()));
    for (const [href, kind] of page.refs) {
      links++;
      let outcome: Outcome | undefined;
      const first = href.charCodeAt(0);
      if (Number.isNaN(first) || first === 35 /* # */ || first === 63 /* ? */) {
        // Relative to the page itself: not shared with other pages.
        outcome = outcomeOf(href, pageUrl);
      } else {
        const cache = (first === 47 /* / */ && href.charCodeAt(1) !== 47) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href) ? absolute : relative;
        outcome = cache.get(href);
        if (!outcome) cache.set(href, (outcome = outcomeOf(href, pageUrl)));
      }
      if (outcome.problem) breaks.push({ pagePath: page.path, href, kind, problem: outcome.problem, key: outcome.key });
      else if (outcome.external !== undefined && kind === 'image') {
        // The Content-Security-Policy (img-src 'self') shows no image from another site.
        breaks.push({ pagePath: page.path, href, kind, problem: { problem: 'blocked-image', path: outcome.external }, key: outcome.key });
      } else if (outcome.external !== undefined && options.collectExternal) addExternal(externals, outcome.external, { pagePath: page.path, href, kind });
    }
  }
  return { breaks, externals, links, targets: checked.size };
}

/** One string per destination: links that resolve alike share it. */
export function refKey(ref: ResolvedRef): string {
  switch (ref.kind) {
    case 'internal':
      return ref.fragment === undefined ? ref.path : `${ref.path}#${ref.fragment}`;
    case 'external':
      return ref.url;
    case 'outside':
      return `outside:${ref.path}`;
    case 'invalid':
      return `invalid:${ref.href}`;
    default:
      return ref.kind;
  }
}

function addExternal(externals: ExternalRefs, url: string, occurrence: { pagePath: string; href: string; kind: RefKind }): void {
  const list = externals.get(url);
  if (list) list.push(occurrence);
  else externals.set(url, [occurrence]);
}

