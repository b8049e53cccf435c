// The pages the generator writes itself: 404, the list of all pages, a home page for content
// without one, the search page, the sitemap and the response headers for static hosts.
import { renderAllPages, renderGeneratedHome, renderNotFound, renderSearchPage, renderSitemap } from '../../layouts/system-pages.ts';
import type { SiteBuild } from '../build/siteBuild.ts';
import { SYSTEM_URLS } from '../content/systemUrls.ts';
import { renderHeadersFile } from '../security/responseHeaders.ts';
import type { EleventyConfig } from './eleventyConfig.ts';
import { layoutData } from './layoutPlugin.ts';

export function systemPagesPlugin(eleventyConfig: EleventyConfig, build: SiteBuild): void {
  const data = layoutData(build);
  const system = { layout: false, eleventyExcludeFromCollections: true };
  const page = (name: string, permalink: string | (() => string | false), render: () => string) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, { data: { ...system, permalink }, render });

  page('404', SYSTEM_URLS.notFound, () => renderNotFound(data.systemView('Page not found', SYSTEM_URLS.notFound)));
  page('all-pages', SYSTEM_URLS.allPages, () => renderAllPages(data.systemView('All pages', SYSTEM_URLS.allPages), data.allPages()));
  // Every page links to `/`: content without a home page gets one listing its pages.
  page('home', () => (data.hasHomePage() ? false : '/'), () => renderGeneratedHome(data.systemView(data.siteName(), '/'), data.allPages()));
  page('search', SYSTEM_URLS.search, () => renderSearchPage(data.systemView('Search', SYSTEM_URLS.search)));
  // Response headers for Netlify and Cloudflare Pages (src/security/responseHeaders.ts).
  page('headers', SYSTEM_URLS.headers, () => renderHeadersFile());
  page('sitemap', SYSTEM_URLS.sitemap, () => renderSitemap(data.sitemap()));
}
