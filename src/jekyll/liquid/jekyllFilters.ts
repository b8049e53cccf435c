// Jekyll's Liquid filters that guides use: URLs under the site's path prefix, Markdown, and
// the ones that change nothing here.
import type { Liquid } from 'liquidjs';
import { plainText } from '../plainText.ts';

export interface FilterSite {
  /** `site.baseurl` as pages see it: the path prefix without its trailing slash ('' at the root). */
  baseurl: string;
  /** `site.url`, for `absolute_url`. */
  siteUrl: string;
  /** Markdown to HTML, for the `markdownify` filter. */
  markdownify: (text: string) => string;
}

export function registerJekyllFilters(liquid: Liquid, { baseurl, siteUrl, markdownify }: FilterSite): void {
  const relativeUrl = (input: unknown): string => {
    const value = plainText(input);
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return value;
    return `${baseurl}${value.startsWith('/') ? '' : '/'}${value}`;
  };
  liquid.registerFilter('relative_url', relativeUrl);
  liquid.registerFilter('absolute_url', (input: unknown) => {
    const relative = relativeUrl(input);
    return relative.startsWith('/') && !relative.startsWith('//') ? siteUrl + relative : relative;
  });
  liquid.registerFilter('markdownify', (input: unknown) => markdownify(plainText(input)));
  for (const identity of ['smartify', 'sassify', 'scssify']) liquid.registerFilter(identity, (input: unknown) => input);
}
