import { closestMatch } from '../content/closestMatch.ts';
import { type TargetProblem } from './checkTarget.ts';
import { relativeHref, resolveRef, type SiteAddress } from './resolveRef.ts';
import { findTarget, isPagePath, urlOfPath, type LinkTarget, type SiteTargets } from './siteTargets.ts';
import { withPathPrefix } from '../urls/sitePaths.ts';

/** How to fix a break: an href to write instead, and/or a sentence. */
export interface Fix {
  href?: string;
  note?: string;
}

/** The site's pages and files, indexed for did-you-mean (built once, on the first break). */
export interface SuggestionIndex {
  targets: SiteTargets;
  /** Lowercase site path -> target, for links that differ only in case. */
  byLowerPath: Map<string, LinkTarget>;
  /** Last name of each URL (`static-analysis`, `logo.png`), lowercase -> URLs with it. */
  byLastName: Map<string, string[]>;
  /** Fuzzy name searches done so far, by name: each costs a pass over every name of the site. */
  fuzzy: Map<string, string | undefined>;
}

/** Past this many distinct misspelt names, suggestions stop searching by similarity (time). */
const FUZZY_LIMIT = 10;

export function buildSuggestionIndex(targets: SiteTargets): SuggestionIndex {
  const byLowerPath = new Map<string, LinkTarget>();
  const byLastName = new Map<string, string[]>();
  for (const target of targets.values()) {
    byLowerPath.set(target.path.toLowerCase(), target);
    const url = urlOfPath(target.path);
    const name = lastName(url).toLowerCase();
    if (name === '') continue;
    const list = byLastName.get(name);
    if (list) list.push(url);
    else byLastName.set(name, [url]);
  }
  return { targets, byLowerPath, byLastName, fuzzy: new Map() };
}

export interface BrokenLink {
  /** The href as written in the source. */
  href: string;
  /** URL of the page it is on, with the path prefix. */
  pageUrl: string;
  problem: TargetProblem;
}

/** The closest working link: a heading id on the target page, or a page or file of the site. */
export function suggestFix(link: BrokenLink, index: SuggestionIndex, site: SiteAddress): Fix {
  const { problem } = link;
  switch (problem.problem) {
    case 'no-anchor':
      return anchorFix(link.href, problem.fragment ?? '', problem.target);
    case 'no-page':
    case 'no-file':
    case 'outside-prefix': {
      const found = closestTarget(link, index, site);
      const mdNote = /\.md$/i.test(problem.path) ? 'Link to the page’s URL, not to its Markdown file.' : undefined;
      if (!found) return { note: mdNote ?? nearestAbove(link, index, site) };
      // Outside the prefix, a relative href is the one that works with and without it.
      const outside = problem.problem === 'outside-prefix';
      let href = outside ? relativeHref(link.pageUrl, withPathPrefix(urlOfPath(found.path), site.pathPrefix)) : hrefLike(link.href, urlOfPath(found.path), link.pageUrl, site.pathPrefix);
      const fragment = problem.fragment;
      if (fragment && found.ids && !found.ids.has(fragment)) {
        const id = closestId(fragment, found.headingIds ?? []);
        href = id ? `${href}#${id}` : href;
      } else if (fragment !== undefined) href = `${href}#${fragment}`;
      return { href, note: mdNote };
    }
    case 'moved':
      return { href: problem.movedTo };
    case 'blocked-image':
      return { note: 'Save the image in the repository beside the page and link to it there, as `![…](image.png)`.' };
    default:
      return {};
  }
}

function anchorFix(href: string, fragment: string, target: LinkTarget | undefined): Fix {
  const headings = target?.headingIds ?? [];
  const id = closestId(fragment, headings) ?? closestId(fragment, [...(target?.ids ?? [])]);
  const base = href.includes('#') ? href.slice(0, href.indexOf('#')) : href;
  if (id) return { href: `${base}#${id}` };
  if (headings.length === 0) return { note: 'That page has no headings to link to.' };
  const shown = headings.slice(0, 8).map((h) => `#${h}`).join(', ');
  return { note: `Its headings: ${shown}${headings.length > 8 ? ', …' : ''}.` };
}

/** For a page with no look-alike: the nearest existing page up its path, to start looking from. */
function nearestAbove(link: BrokenLink, index: SuggestionIndex, site: SiteAddress): string | undefined {
  if (!isPagePath(link.problem.path)) return undefined;
  for (let url = link.problem.path.replace(/[^/]+\/?$/, ''); url.length > 0; url = url.replace(/[^/]+\/$/, '')) {
    if (findTarget(index.targets, url)) {
      const href = hrefLike(link.href, url, link.pageUrl, site.pathPrefix);
      return `No page has a similar address; the nearest above it is ${href} (${withPathPrefix(url, site.pathPrefix)}).`;
    }
    if (url === '/') break;
  }
  return undefined;
}

/** A near-typo of the id, or the id sharing the most words with it (a renamed heading). */
export function closestId(wanted: string, ids: readonly string[]): string | undefined {
  const typo = closestMatch(wanted, ids);
  if (typo !== undefined) return typo;
  const words = new Set(wordsOf(wanted));
  let best: string | undefined;
  let bestShared = 0;
  for (const id of ids) {
    const shared = wordsOf(id).filter((w) => words.has(w)).length;
    if (shared > bestShared) {
      best = id;
      bestShared = shared;
    }
  }
  return best;
}

/** Words worth matching on: three letters or more (`the`, `a`, `to` say little). */
function wordsOf(id: string): string[] {
  return id
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((w) => w.length >= 3);
}

/** The target the editor most likely meant, trying the usual mistakes first. */
function closestTarget(link: BrokenLink, index: SuggestionIndex, site: SiteAddress): LinkTarget | undefined {
  const wanted = link.problem.path;
  const wantPage = isPagePath(wanted) || /\.md$/i.test(wanted);
  for (const candidate of likelyMeant(link, site)) {
    const found = findTarget(index.targets, candidate) ?? index.byLowerPath.get(candidate.toLowerCase()) ?? index.byLowerPath.get(`${candidate}index.html`.toLowerCase());
    if (found) return found;
  }
  const name = lastName(wanted.replace(/\.md$/i, '').replace(/\/index$/i, '/')).toLowerCase();
  const sameName = index.byLastName.get(name) ?? index.byLastName.get(similarName(name, index) ?? '');
  const urls = (sameName ?? []).filter((url) => isPagePath(url) === wantPage);
  const best = urls.sort((a, b) => commonPrefix(b, wanted) - commonPrefix(a, wanted))[0];
  return best === undefined ? undefined : findTarget(index.targets, best);
}

function similarName(name: string, index: SuggestionIndex): string | undefined {
  if (name === '') return undefined;
  if (!index.fuzzy.has(name) && index.fuzzy.size < FUZZY_LIMIT) index.fuzzy.set(name, closestMatch(name, index.byLastName.keys()));
  return index.fuzzy.get(name);
}

/**
 * Where a broken href would lead if the editor made a usual mistake: linked the Markdown file,
 * left out or added a trailing slash, wrote from a section index as if from a leaf page
 * (or the other way round), or wrote a path outside the path prefix.
 */
function likelyMeant(link: BrokenLink, site: SiteAddress): string[] {
  const wanted = link.problem.path;
  const candidates: string[] = [];
  const withoutMd = wanted.replace(/(^|\/)index\.md$/i, '$1').replace(/\.md$/i, '/');
  candidates.push(withoutMd, wanted.endsWith('/') ? wanted.slice(0, -1) : `${wanted}/`);
  const href = link.href.replace(/\.md(?=$|[#?])/i, '/');
  const isRelative = !/^([a-z][a-z0-9+.-]*:|\/)/i.test(href);
  if (isRelative) {
    const folder = link.pageUrl.endsWith('/') ? link.pageUrl : link.pageUrl.slice(0, link.pageUrl.lastIndexOf('/') + 1);
    const up = folder.replace(/[^/]+\/$/, '');
    for (const base of [up, `${folder}x/`]) {
      const ref = resolveRef(href, base, site);
      if (ref.kind === 'internal') candidates.push(ref.path);
    }
  }
  if (link.problem.problem === 'outside-prefix') {
    // Written without the prefix, or climbing above the site's root with one `../` too many.
    candidates.push(wanted);
    if (site.pathPrefix.startsWith(wanted)) candidates.push('/');
  }
  return candidates;
}

/**
 * The suggestion written the way the editor wrote the link: relative stays relative (from the
 * page's URL), site-absolute stays absolute (with the prefix only if they wrote it).
 */
function hrefLike(written: string, url: string, pageUrl: string, pathPrefix: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) return withPathPrefix(url, pathPrefix);
  if (written.startsWith('/')) return pathPrefix !== '/' && written.startsWith(pathPrefix) ? withPathPrefix(url, pathPrefix) : url;
  return relativeHref(pageUrl, withPathPrefix(url, pathPrefix));
}

function lastName(url: string): string {
  const trimmed = url.endsWith('/') ? url.slice(0, -1) : url;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
