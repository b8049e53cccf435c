import { decodeURIComponentSafe, withoutPathPrefix } from '../urls/sitePaths.ts';

/** Where an href written on one page leads. */
export type ResolvedRef =
  /** mailto:, tel:, javascript:, data: and the like: nothing to check. */
  | { kind: 'skip' }
  | { kind: 'external'; url: string }
  /** A file of this site: `path` without the path prefix, decoded; `fragment` decoded. */
  | { kind: 'internal'; path: string; fragment?: string }
  /** A path on our host outside the path prefix, where nothing of this site is published. */
  | { kind: 'outside'; path: string }
  | { kind: 'invalid'; href: string };

export interface SiteAddress {
  /** The path prefix the site is served under, `/` or `/preview/x/`. */
  pathPrefix: string;
  /** Where the site is published (`https://guides.example.org`): links to it are internal. */
  siteUrl?: string;
}

// Any host name would do: it only anchors relative URLs while parsing.
const BASE_HOST = 'guidebook.invalid';
const BASE_ORIGIN = `http://${BASE_HOST}`;

/**
 * Resolves an href found on the page at `pageUrl` (the URL with the prefix, `/prefix/a/b/`)
 * the way a browser does, with percent-encoding undone so that `#%C3%BCber` and `#über`,
 * `My%20Policy.pdf` and `My Policy.pdf` are the same target.
 */
export function resolveRef(href: string, pageUrl: string, site: SiteAddress): ResolvedRef {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { kind: 'skip' };
  let url: URL;
  try {
    url = new URL(href, BASE_ORIGIN + pageUrl);
  } catch {
    return { kind: 'invalid', href };
  }
  let pathname = url.pathname;
  if (url.host !== BASE_HOST || url.protocol !== 'http:') {
    const own = site.siteUrl ? ownSitePath(url.href, site.siteUrl) : undefined;
    if (own === undefined) return { kind: 'external', url: url.href };
    pathname = own;
  }
  const decoded = decodeURIComponentSafe(pathname).normalize('NFC');
  // `/prefix` (no slash) is the prefix folder itself; the host redirects it to `/prefix/`.
  const path = withoutPathPrefix(decoded, site.pathPrefix) ?? (`${decoded}/` === site.pathPrefix ? '/' : undefined);
  if (path === undefined) return { kind: 'outside', path: decoded };
  const fragment = url.hash ? decodeURIComponentSafe(url.hash.slice(1)).normalize('NFC') : undefined;
  return fragment === undefined ? { kind: 'internal', path } : { kind: 'internal', path, fragment };
}

/** The path of a URL on the site's own published address, or undefined for other sites. */
function ownSitePath(href: string, siteUrl: string): string | undefined {
  const base = siteUrl.replace(/\/+$/, '');
  if (href === base) return '/';
  if (!href.startsWith(`${base}/`)) return undefined;
  const parsed = new URL(href);
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  return parsed.pathname.slice(basePath.length) || '/';
}

/** `../b/` from `/x/a/` to `/x/b/`: the shortest href an editor would write for a target URL. */
export function relativeHref(fromUrl: string, toUrl: string): string {
  const from = fromUrl.split('/').slice(1, -1);
  const to = toUrl.split('/').slice(1);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const href = '../'.repeat(from.length - common) + to.slice(common).join('/');
  return href === '' ? './' : href;
}
