import { checkTarget, prefixed, type TargetProblem } from './checkTarget.ts';
import { resolveRef, type ResolvedRef, type SiteAddress } from './resolveRef.ts';
import type { RefKind } from './scanHtml.ts';
import type { ScannedPage, SiteScan } from './scanSite.ts';
import { urlOfPath } from './siteTargets.ts';

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

/** Where one href on one page leads, before any target is checked. */
interface Resolution {
  key: string;
  ref: ResolvedRef;
}

/**
 * Works out where hrefs lead: each distinct href once per folder (site-absolute ones once for
 * the site), so the thousands of repeated navigation links cost a map lookup each. A build's
 * link check resolves each page's links as the page is written (`resolvePage`), before the
 * targets they must reach are all known.
 */
export class LinkResolver {
  private readonly absolute = new Map<string, Resolution>();
  private readonly byFolder = new Map<string, Map<string, Resolution>>();

  constructor(readonly site: SiteAddress) {}

  resolvePage(page: ScannedPage): void {
    const pageUrl = prefixed(urlOfPath(page.path), this.site.pathPrefix);
    for (const href of page.refs.keys()) this.resolve(href, pageUrl);
  }

  resolve(href: string, pageUrl: string): Resolution {
    const first = href.charCodeAt(0);
    // Relative to the page itself: not shared with other pages.
    if (Number.isNaN(first) || first === 35 /* # */ || first === 63 /* ? */) return this.resolveNow(href, pageUrl);
    let cache = this.absolute;
    if (!((first === 47 /* / */ && href.charCodeAt(1) !== 47) || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(href))) {
      const folder = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1);
      let relative = this.byFolder.get(folder);
      if (!relative) this.byFolder.set(folder, (relative = new Map()));
      cache = relative;
    }
    let resolution = cache.get(href);
    if (!resolution) cache.set(href, (resolution = this.resolveNow(href, pageUrl)));
    return resolution;
  }

  private resolveNow(href: string, pageUrl: string): Resolution {
    const ref = resolveRef(href, pageUrl, this.site);
    return { key: refKey(ref), ref };
  }
}

/**
 * Checks every link of every scanned page against the scanned targets, each distinct target
 * once. `resolver` may hold the resolutions already (it must be for the same site).
 */
export function findBreaks(scan: SiteScan, site: SiteAddress, options: { collectExternal?: boolean } = {}, resolver = new LinkResolver(site)): BreakSearch {
  const checked = new Map<string, TargetProblem | undefined>();
  const breaks: FoundBreak[] = [];
  const externals: ExternalRefs = new Map();
  let links = 0;
  const problemOf = ({ key, ref }: Resolution): TargetProblem | undefined => {
    switch (ref.kind) {
      case 'outside':
        return { problem: 'outside-prefix', path: ref.path };
      case 'invalid':
        return { problem: 'invalid', path: ref.href };
      case 'internal':
        if (!checked.has(key)) checked.set(key, checkTarget(ref.path, ref.fragment, scan.targets, site));
        return checked.get(key);
      default:
        return undefined;
    }
  };
  for (const page of scan.pages) {
    const pageUrl = prefixed(urlOfPath(page.path), site.pathPrefix);
    for (const [href, kind] of page.refs) {
      links++;
      const resolution = resolver.resolve(href, pageUrl);
      const { key, ref } = resolution;
      const problem = problemOf(resolution);
      if (problem) breaks.push({ pagePath: page.path, href, kind, problem, key });
      else if (ref.kind === 'external' && kind === 'image') {
        // The Content-Security-Policy (img-src 'self') shows no image from another site.
        breaks.push({ pagePath: page.path, href, kind, problem: { problem: 'blocked-image', path: ref.url }, key });
      } else if (ref.kind === 'external' && options.collectExternal) addExternal(externals, ref.url, { pagePath: page.path, href, kind });
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

