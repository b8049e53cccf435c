import { type ProblemKind, type TargetProblem } from './checkTarget.ts';
import { refKey, type FoundBreak } from './findBreaks.ts';
import type { LinkSources, PageSource } from './linkSources.ts';
import { resolveRef, type SiteAddress } from './resolveRef.ts';
import type { RefKind } from './scanHtml.ts';
import { urlOfPath, type SiteTargets } from './siteTargets.ts';
import { buildSuggestionIndex, suggestFix, type SuggestionIndex } from './suggestFix.ts';
import { withoutPathPrefix, withPathPrefix } from '../urls/sitePaths.ts';

/** One broken link as the editor needs it: where it is written, what is wrong, what to write. */
export interface LinkBreak {
  severity: 'error' | 'warning';
  /** The Markdown file, or the layout when no content file holds the link. */
  file: string;
  /** 1-based line in `file`; absent for layouts. */
  line?: number;
  /** The href as written there. */
  href: string;
  kind: RefKind;
  problem: ProblemKind;
  /** What is wrong, in one sentence. */
  message: string;
  /** The href to write instead, when there is a likely one. */
  suggestion?: string;
  /** Further advice (the headings of the target page, why a link is wrong). */
  note?: string;
  /** URLs (with the prefix) of the built pages that carry the link. */
  pages: string[];
}

interface Attributed {
  file: string;
  line?: number;
  href: string;
  layout: boolean;
}

/**
 * Traces each break found in the built HTML to the source line that wrote it: the page's
 * Markdown links are resolved the same way and matched by destination, so `[x](../a.md)` and
 * its rendered `href` meet whatever the encoding. Links no content file holds are the
 * layout's; a layout link broken on many pages is reported once, with the pages.
 */
export function attributeBreaks(found: readonly FoundBreak[], sources: LinkSources, site: SiteAddress, targets: SiteTargets): LinkBreak[] {
  const byPage = new Map<string, FoundBreak[]>();
  for (const b of found) {
    const list = byPage.get(b.pagePath);
    if (list) list.push(b);
    else byPage.set(b.pagePath, [b]);
  }
  let index: SuggestionIndex | undefined;
  const suggestionIndex = () => (index ??= buildSuggestionIndex(targets));
  const results: LinkBreak[] = [];
  const layoutBreaks = new Map<string, LinkBreak>();
  for (const [pagePath, breaks] of byPage) {
    const pageUrl = withPathPrefix(urlOfPath(pagePath), site.pathPrefix);
    const source = sources.sourceOf(pagePath);
    // `x/` and `./x/` on one page are two hrefs in the HTML but match both source lines each.
    const reported = new Set<string>();
    for (const b of breaks) {
      for (const place of placesOf(b, source, pageUrl, site, sources.layoutOf(pagePath))) {
        if (!place.layout) {
          const placeKey = `${place.line}\n${place.href}`;
          if (!reported.has(placeKey)) results.push(describe(b, place, pageUrl, site, suggestionIndex()));
          reported.add(placeKey);
          continue;
        }
        // Described once per layout link, however many pages carry it.
        const groupKey = `${place.file}\n${b.href}\n${b.problem.problem}`;
        const group = layoutBreaks.get(groupKey);
        if (group) group.pages.push(pageUrl);
        else layoutBreaks.set(groupKey, describe(b, place, pageUrl, site, suggestionIndex()));
      }
    }
  }
  return [...results, ...layoutBreaks.values()];
}

/** Where one break is written: each matching source line, or the layout. */
function placesOf(b: FoundBreak, source: PageSource | undefined, pageUrl: string, site: SiteAddress, systemLayout: string): Attributed[] {
  if (!source) return [{ file: systemLayout, href: b.href, layout: true }];
  const layout = [{ file: source.layout, href: b.href, layout: true }];
  let line: number | undefined | null = null;
  const lineInText = () => (line === null ? (line = lineOfHref(source.text(), hrefVariants(b.href, site.pathPrefix))) : line);
  // Parsing every page that carries a broken layout link would cost as much as the build:
  // a page whose text does not hold the href cannot have written it.
  if (!source.recorded && source.textHoldsEveryLink && lineInText() === undefined) return layout;
  const unprefixedUrl = withoutPathPrefix(pageUrl, site.pathPrefix) ?? pageUrl;
  const places: Attributed[] = [];
  for (const link of source.links()) {
    // The renderer adds the prefix to `/…` links; hrefs written with it (Jekyll's baseurl) match as they are.
    const keys = [refKey(resolveRef(link.href, unprefixedUrl, { ...site, pathPrefix: '/' })), refKey(resolveRef(link.href, pageUrl, site))];
    if (keys.includes(b.key)) places.push({ file: source.file, line: link.line, href: link.href, layout: false });
  }
  if (places.length > 0) return places;
  // Raw HTML in the Markdown (`<a href="…">`) is not among the parsed links.
  const rawLine = lineInText();
  return rawLine === undefined ? layout : [{ file: source.file, line: rawLine, href: b.href, layout: false }];
}

/** How an href in the built HTML may have been written: percent-encoded or not, without the prefix. */
function hrefVariants(href: string, pathPrefix: string): string[] {
  const variants = new Set([href]);
  const unprefixed = pathPrefix === '/' ? undefined : withoutPathPrefix(href, pathPrefix);
  if (unprefixed !== undefined) variants.add(unprefixed);
  for (const v of [...variants]) {
    try {
      variants.add(decodeURI(v));
    } catch {
      // Not valid percent-encoding: only the text as it is can match.
    }
  }
  return [...variants].filter((v) => v !== '');
}

const OPENERS = new Set(['(', '<', '"', "'", '=']);
const CLOSERS = new Set([')', '>', '"', "'", ' ', '\t', '\n', '\r']);

/**
 * The first line (1-based) where one of the variants stands as a whole link destination:
 * `(href)`, `(href "title")`, `<href>`, `href="href"`, `[ref]: href`.
 */
export function lineOfHref(text: string, variants: readonly string[]): number | undefined {
  let first: number | undefined;
  for (const variant of variants) {
    for (let at = text.indexOf(variant); at >= 0 && (first === undefined || at < first); at = text.indexOf(variant, at + 1)) {
      const after = text[at + variant.length] ?? '\n';
      if (CLOSERS.has(after) && (OPENERS.has(text[at - 1] ?? '') || /\]:[ \t]*$/.test(text.slice(Math.max(0, at - 40), at)))) {
        first = at;
        break;
      }
    }
  }
  if (first === undefined) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function describe(b: FoundBreak, place: Attributed, pageUrl: string, site: SiteAddress, index: SuggestionIndex): LinkBreak {
  const fix = suggestFix({ href: place.href, pageUrl, problem: b.problem }, index, site);
  const noun = b.kind === 'image' ? 'image' : 'link';
  return {
    severity: b.problem.problem === 'moved' ? 'warning' : 'error',
    file: place.file,
    line: place.line,
    href: place.href,
    kind: b.kind,
    problem: b.problem.problem,
    message: b.problem.problem === 'moved' ? `${noun} ${place.href} has moved permanently.` : `broken ${noun} ${place.href}: ${whatIsWrong(b.problem, b.kind, b.pagePath, site)}.`,
    suggestion: fix.href,
    note: fix.note,
    pages: [pageUrl],
  };
}

/** The problem in words, naming URLs as readers see them (with the prefix). */
export function whatIsWrong(problem: TargetProblem, kind: RefKind, pagePath: string, site: SiteAddress): string {
  const url = (sitePath: string) => withPathPrefix(urlOfPath(sitePath), site.pathPrefix);
  switch (problem.problem) {
    case 'no-page':
      return `there is no page ${url(problem.path)}`;
    case 'no-file':
      return `there is no ${kind === 'image' ? 'image' : 'file'} ${url(problem.path)}`;
    case 'no-anchor':
      return problem.target?.path === pagePath
        ? `this page has no heading or anchor #${problem.fragment}`
        : `${url(problem.target?.path ?? problem.path)} has no heading or anchor #${problem.fragment}`;
    case 'outside-prefix':
      return `${problem.path} is outside the site, which is published under ${site.pathPrefix}`;
    case 'bad-redirect':
      return `${url(problem.target?.path ?? '/')} redirects to ${url(problem.path)}, which does not exist`;
    case 'invalid':
      return 'it is not a valid URL';
    case 'external':
      return `the site ${problem.detail ?? 'did not answer'}`;
    case 'moved':
      return `${problem.path} has moved to ${problem.movedTo}`;
    case 'blocked-image':
      return "it is on another site, and the site's Content-Security-Policy shows only the site's own images, so readers see nothing";
  }
}
