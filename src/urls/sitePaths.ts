// The one place that knows how a site path becomes the URL readers see: the path prefix a site
// is served under (`/` or `/preview/branch/`), and percent-decoding that never throws.

/** A path prefix as every other function here expects it: one leading and one trailing slash. */
export function normalizePathPrefix(prefix: string): string {
  let p = prefix.trim() || '/';
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

/**
 * A site-absolute href (`/security/`) under the path prefix (`/preview/x/security/`); relative
 * hrefs, other sites' (`https:`, `//host/`) and fragments are returned as they are.
 */
export function withPathPrefix(href: string, prefix: string): string {
  if (prefix === '/' || !href.startsWith('/') || href.startsWith('//')) return href;
  return prefix + href.slice(1);
}

/**
 * The site path of a URL under the path prefix (`/preview/x/security/` → `/security/`), or
 * undefined when the URL is not under it. The inverse of `withPathPrefix` for site-absolute paths.
 */
export function withoutPathPrefix(url: string, prefix: string): string | undefined {
  if (!url.startsWith(prefix)) return undefined;
  return `/${url.slice(prefix.length)}`;
}

/** `withPathPrefix` with the prefix bound, for code that prefixes many URLs of one site. */
export function pathPrefixer(prefix: string): (href: string) => string {
  return (href) => withPathPrefix(href, prefix);
}

const URL_ATTRIBUTE = /(\s(?:href|src)\s*=\s*)(["'])(\/(?!\/)[^"']*)\2/gi;

/**
 * Puts the path prefix on site-absolute `href` and `src` values in raw HTML an editor wrote
 * (`<a href="/security/">`), as Markdown links get it, so they resolve under `/preview/branch/`.
 */
export function prefixHtmlUrls(html: string, prefix: string): string {
  if (prefix === '/') return html;
  return html.replace(URL_ATTRIBUTE, (_all, head: string, quote: string, url: string) => `${head}${quote}${withPathPrefix(url, prefix)}${quote}`);
}

/** `decodeURIComponent`, or the text as it is where it holds a malformed escape (`%zz`). */
export function decodeURIComponentSafe(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
