import { escapeHtml } from '../markdown/escapeHtml.ts';
import type { SiteRedirect } from '../site/siteModel.ts';
import type { ContentProblem } from '../content/errors.ts';
import { permalinkFault } from '../content/pageUrl.ts';
import { normalizePageUrl } from './jekyllUrls.ts';
import { decodeURIComponentSafe } from '../urls/sitePaths.ts';

/** A stub written for jekyll-redirect-from's front matter. */
export interface Redirect extends SiteRedirect {
  /** `redirect_to` (the page itself moved) or `redirect_from` (an old address of the page). */
  kind: 'redirect_to' | 'redirect_from';
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);

/**
 * Why a `redirect_to` target cannot be followed safely: another site is fine (that is what
 * the key is for), but only over `http:`/`https:` (a `javascript:` refresh would run code),
 * and a back slash or control character would make a site path another site's (`/\\host`).
 */
function redirectTargetFault(target: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return `\`redirect_to\` ${JSON.stringify(target)} has the scheme \`${scheme}:\`; a redirect leads to a page, over \`https:\` or \`http:\`.`;
  if (scheme === undefined && permalinkFault(target)?.kind === 'unsafe') return `\`redirect_to\` ${JSON.stringify(target)} has a back slash or control character, which browsers read as another site's address.`;
  return undefined;
}

/** An old path as a stub URL: `/old` -> `/old/`, `/old.html` stays; relative paths are from the root. */
export function redirectUrlOf(from: string, baseurl: string): string {
  let clean = from.trim();
  if (baseurl && (clean === baseurl || clean.startsWith(`${baseurl}/`))) clean = clean.slice(baseurl.length) || '/';
  return normalizePageUrl(clean.startsWith('/') ? clean : `/${clean}`);
}

/**
 * The redirects a page's front matter asks for (jekyll-redirect-from): `redirect_to: URL` makes
 * the page itself a stub; `redirect_from:` (one path or a list) writes a stub at each old path.
 */
export function redirectsOf(
  page: { file: string; url: string; data: Readonly<Record<string, unknown>>; keyLines: ReadonlyMap<string, number> },
  baseurl: string,
): { redirects: Redirect[]; problems: ContentProblem[] } {
  const redirects: Redirect[] = [];
  const problems: ContentProblem[] = [];
  const to = page.data.redirect_to;
  if (to !== undefined && to !== null) {
    const target = (Array.isArray(to) ? to[0] : to) as unknown;
    const fault = typeof target === 'string' ? redirectTargetFault(target.trim()) : undefined;
    if (fault) {
      problems.push({ severity: 'error', file: page.file, line: page.keyLines.get('redirect_to'), message: fault, hint: 'Write a path of this site, such as `/new-place/`, or an `https:` URL of another site.' });
    } else if (typeof target === 'string' && target.trim() !== '') {
      const clean = target.trim();
      redirects.push({
        url: page.url,
        target: isExternal(clean) ? clean : redirectUrlOf(clean, baseurl),
        file: page.file,
        line: page.keyLines.get('redirect_to'),
        kind: 'redirect_to',
      });
    } else {
      problems.push({ severity: 'error', file: page.file, line: page.keyLines.get('redirect_to'), message: '`redirect_to` must be an URL or a path.' });
    }
  }
  const from = page.data.redirect_from;
  if (from !== undefined && from !== null) {
    for (const old of Array.isArray(from) ? from : [from]) {
      if (typeof old !== 'string' || old.trim() === '') {
        problems.push({ severity: 'error', file: page.file, line: page.keyLines.get('redirect_from'), message: '`redirect_from` must be a path or a list of paths.' });
        continue;
      }
      const line = page.keyLines.get('redirect_from');
      const fault = permalinkFault(old) ?? permalinkFault(decodeURIComponentSafe(old));
      if (fault && fault.kind !== 'ambiguous') {
        // An old address is a path of this site; the stub must not be written anywhere else.
        problems.push({ severity: 'error', file: page.file, line, message: `\`redirect_from\`: ${fault.message.replace(/^the `permalink` /, '')}`, hint: 'Write the old path of this site, such as `/old-place/`.' });
        continue;
      }
      redirects.push({ url: redirectUrlOf(old, baseurl), target: page.url, file: page.file, line, kind: 'redirect_from' });
    }
  }
  return { redirects, problems };
}

/**
 * The stub written at a redirect's URL: a meta refresh (works with scripts off), a canonical link
 * (search engines follow it) and a visible link (for readers whose browser does not refresh).
 * `href` is the target as readers reach it (with the path prefix, or another site's URL).
 */
export function renderRedirectStub(input: { href: string; canonical: string; siteName: string; language: string; stylesheet: string }): string {
  const href = escapeHtml(input.href);
  return `<!doctype html>
<html lang="${escapeHtml(input.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>This page has moved | ${escapeHtml(input.siteName)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(input.canonical)}">
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="stylesheet" href="${escapeHtml(input.stylesheet)}">
</head>
<body data-pagefind-ignore="all">
<main id="mainContent">
<h1>This page has moved</h1>
<p>It is now at <a href="${href}">${href}</a>.</p>
</main>
</body>
</html>
`;
}
