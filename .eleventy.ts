// Eleventy configuration: thin glue. Every decision lives in a typed module under src/;
// this file only wires those modules into Eleventy's hooks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkdown } from './src/markdown/createMarkdown.ts';
import { assetVersion } from './src/site/assetVersion.ts';
import { searchScriptSources } from './src/search/bundleSearchScripts.ts';
import { SiteSearch } from './src/search/writeSiteSearch.ts';
import { contentPathOf, getBuildContext } from './src/site/buildContext.ts';
import { createGuidebookData } from './src/site/siteData.ts';
import { reloadSiteModel } from './src/site/reloadSiteModel.ts';
import { renderAllPages, renderNotFound, renderSearchPage, renderSitemap } from './layouts/system-pages.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const layoutsDir = path.join(root, 'layouts');
const assetFiles = ['site.css', 'site.js'].map((f) => path.join(layoutsDir, 'assets', f)).concat(searchScriptSources());

// Eleventy ships JSDoc types only; the few calls we make are typed by use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EleventyConfig = any;

export default function configure(eleventyConfig: EleventyConfig) {
  const context = getBuildContext();
  const guidebook = createGuidebookData(getBuildContext, assetVersion(assetFiles));
  const search = new SiteSearch(context);

  eleventyConfig.setQuietMode(true);
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.setLayoutsDirectory(path.relative(context.inputDir, layoutsDir));
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.setTemplateFormats(['md', '11ty.js']);
  // Folders that hold no pages (the same rule as src/content/findContentFiles.ts).
  eleventyConfig.ignores.add('**/_*/**');
  eleventyConfig.ignores.add('**/node_modules/**');

  eleventyConfig.setLibrary(
    'md',
    createMarkdown({
      pathPrefix: context.pathPrefix,
      lineOffset: (env) => {
        const page = context.model?.tree.byInputPath.get(contentPathOf(context, pageInputPath(env)));
        return page?.page.bodyLine ?? 1;
      },
      onPageFacts: (env, facts) => context.facts.set(contentPathOf(context, pageInputPath(env)), facts),
    }),
  );

  eleventyConfig.addGlobalData('guidebook', guidebook);
  eleventyConfig.addGlobalData('layout', 'page.11ty.ts');
  // Search (src/search/): a fresh indexer before each build, each page's words counted as soon
  // as the page has rendered (a linter sees every rendered page), the index written after.
  eleventyConfig.on('eleventy.before', () => search.prepare());
  eleventyConfig.addLinter('search-index', (_content: string, inputPath: string) => search.pageRendered(contentPathOf(context, inputPath)));
  eleventyConfig.on('eleventy.after', () => search.write());
  eleventyConfig.addGlobalData('eleventyComputed', {
    permalink: (data: { permalink?: unknown; page: { inputPath: string } }) =>
      guidebook.permalinkFor(data.page.inputPath) ?? data.permalink,
  });

  eleventyConfig.addPassthroughCopy({ [path.join(layoutsDir, 'assets')]: 'assets' });
  // Images and files beside the pages are published at the same relative URLs.
  eleventyConfig.addPassthroughCopy(
    `${path.relative(process.cwd(), context.inputDir) || '.'}/**/*.{png,jpg,jpeg,gif,svg,webp,avif,ico,pdf,txt,csv,zip,docx,xlsx,pptx}`,
  );

  const system = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate('404.11ty.js', { data: { ...system, permalink: '/404.html' }, render: () => renderNotFound(guidebook.systemView('Page not found', '/404.html')) });
  eleventyConfig.addTemplate('all-pages.11ty.js', { data: { ...system, permalink: '/all-pages/' }, render: () => renderAllPages(guidebook.systemView('All pages', '/all-pages/'), guidebook.allPages()) });
  eleventyConfig.addTemplate('search.11ty.js', { data: { ...system, permalink: '/search/' }, render: () => renderSearchPage(guidebook.systemView('Search', '/search/')) });
  eleventyConfig.addTemplate('sitemap.11ty.js', { data: { ...system, permalink: '/sitemap.xml' }, render: () => renderSitemap(guidebook.sitemap()) });

  eleventyConfig.on('eleventy.before', () => reloadSiteModel(context));

  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}

function pageInputPath(env: unknown): string {
  return (env as { page?: { inputPath?: string } }).page?.inputPath ?? '';
}
