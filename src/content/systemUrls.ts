/** URLs of the pages and files the generator writes itself; no content page may take one. */
export const SYSTEM_URLS = {
  notFound: '/404.html',
  allPages: '/all-pages/',
  search: '/search/',
  sitemap: '/sitemap.xml',
} as const;

/** The folder of the stylesheet and script readers download. */
export const ASSETS_URL = '/assets/';

const DESCRIPTIONS: Record<keyof typeof SYSTEM_URLS, string> = {
  notFound: 'the "Page not found" page',
  allPages: 'the list of all pages',
  search: 'the search page',
  sitemap: 'the sitemap',
};

/** What the generator writes at this URL (compared without case), if anything. */
export function systemUseOf(url: string): string | undefined {
  const key = url.toLowerCase();
  if (key.startsWith(ASSETS_URL)) return 'its stylesheet and script';
  for (const [name, systemUrl] of Object.entries(SYSTEM_URLS)) {
    if (key === systemUrl) return DESCRIPTIONS[name as keyof typeof SYSTEM_URLS];
  }
  return undefined;
}

/** The files the generator itself writes into the output: a guide's own file may not take their place. */
export function isGeneratedFileUrl(url: string): boolean {
  const key = url.toLowerCase();
  return Object.values(SYSTEM_URLS).some((u) => u === key) || key === `${ASSETS_URL}site.css` || key === `${ASSETS_URL}site.js`;
}
