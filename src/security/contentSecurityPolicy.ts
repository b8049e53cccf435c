/**
 * The one Content-Security-Policy of the site: the page's own scripts, styles, images, fonts and
 * fetches only (no third-party origin), nothing inline, no plugins, no `<base>`, forms only to
 * the site. Each page carries it in a `<meta http-equiv>`; the response headers we ship for
 * static hosts carry the same policy plus what a `<meta>` cannot say.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // `data:` images: markdown-it allows `![](data:image/png;base64,…)`, and they load nothing.
  "img-src 'self' data:",
  "font-src 'self'",
  // The search index is fetched, and queried in a worker, from the site itself.
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
];

/** The policy in every page's `<meta http-equiv="Content-Security-Policy">`. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The policy as a response header: browsers ignore `frame-ancestors` in a `<meta>`, so only a
 * header can stop other sites from framing the pages (clickjacking).
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** What a followed link tells the next site: our origin only, and nothing over plain HTTP. */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
