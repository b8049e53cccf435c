const URL_ATTRIBUTE = /(\s(?:href|src)\s*=\s*)(["'])(\/(?!\/)[^"']*)\2/gi;

/**
 * Puts the path prefix on site-absolute `href` and `src` values in raw HTML an editor wrote
 * (`<a href="/security/">`), as Markdown links get it, so they resolve under `/preview/branch/`.
 */
export function prefixHtmlUrls(html: string, prefix: string): string {
  if (prefix === '/') return html;
  return html.replace(URL_ATTRIBUTE, (_all, head: string, quote: string, url: string) => `${head}${quote}${prefix}${url.slice(1)}${quote}`);
}
