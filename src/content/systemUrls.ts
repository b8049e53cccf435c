import { servedUrlKey } from './pageUrl.ts';

/** URLs of the pages and files the generator writes itself; no content page may take one. */
export const SYSTEM_URLS = {
  notFound: '/404.html',
  allPages: '/all-pages/',
  search: '/search/',
  sitemap: '/sitemap.xml',
  headers: '/_headers',
} as const;

/** The folder of the stylesheet and script readers download. */
export const ASSETS_URL = '/assets/';

/** The files the generator writes into `ASSETS_URL` (the search index has a folder of its own there). */
const GENERATED_ASSETS = ['site.css', 'site.js', 'favicon.svg', 'search.js', 'search-worker.js'];
const SEARCH_INDEX_URL = `${ASSETS_URL}search/`;

const DESCRIPTIONS: Record<keyof typeof SYSTEM_URLS, string> = {
  notFound: 'the "Page not found" page',
  allPages: 'the list of all pages',
  search: 'the search page',
  sitemap: 'the sitemap',
  headers: 'the response headers file (`_headers`)',
};

const SYSTEM_KEYS = new Map(Object.entries(SYSTEM_URLS).map(([name, url]) => [servedUrlKey(url), DESCRIPTIONS[name as keyof typeof SYSTEM_URLS]]));

/**
 * What the generator writes at this URL, if anything. URLs are compared as a server finds
 * their files (`servedUrlKey`: without case, escapes decoded, `/a` as `/a/`).
 */
export function systemUseOf(url: string): string | undefined {
  const key = servedUrlKey(url);
  if (key.startsWith(ASSETS_URL)) return 'its stylesheet and script';
  return SYSTEM_KEYS.get(key);
}

/**
 * The files the generator itself writes into the output: a guide's own file may not take their
 * place. Narrower than `systemUseOf`: a Jekyll guide's own `/assets/` images are fine.
 */
export function isGeneratedFileUrl(url: string): boolean {
  const key = servedUrlKey(url);
  return SYSTEM_KEYS.has(key) || key.startsWith(SEARCH_INDEX_URL) || GENERATED_ASSETS.some((name) => key === servedUrlKey(`${ASSETS_URL}${name}`));
}
