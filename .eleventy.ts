// Eleventy configuration: thin glue. Every decision lives in a typed module under src/;
// this file only wires those modules into Eleventy's hooks.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkdown, type MarkdownOptions } from './src/markdown/createMarkdown.ts';
import { assetVersion } from './src/site/assetVersion.ts';
import { searchScriptSources } from './src/search/bundleSearchScripts.ts';
import { SiteSearch } from './src/search/writeSiteSearch.ts';
import { contentPathOf, getBuildContext } from './src/site/buildContext.ts';
import { createGuidebookData } from './src/site/siteData.ts';
import { passthroughCopyOptions, passthroughGlobs } from './src/site/passthroughGlobs.ts';
import { outputFolders } from './src/site/outputFolder.ts';
import { SETTINGS_FILE } from './src/site/settings.ts';
import { prepareRebuild, reloadSiteModel } from './src/site/reloadSiteModel.ts';
import { devServerOptions } from './src/site/devServerOptions.ts';
import { formatProblems } from './src/content/errors.ts';
import { eleventyFrontMatter } from './src/content/frontMatter.ts';
import { NO_DATA_DIR, yamlOnlyFrontMatterEngines } from './src/security/codeInContent.ts';
import { renderHeadersFile } from './src/security/responseHeaders.ts';
import { renderAllPages, renderGeneratedHome, renderNotFound, renderSearchPage, renderSitemap } from './layouts/system-pages.ts';
import { linkWarnings, scheduleLinkReport } from './src/links/reportAfterBuild.ts';
import * as pageLayout from './layouts/page.11ty.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const layoutsDir = path.join(root, 'layouts');
const assetFiles = ['site.css', 'site.js'].map((f) => path.join(layoutsDir, 'assets', f)).concat(searchScriptSources());

// Eleventy ships JSDoc types only; the few calls we make are typed by use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EleventyConfig = any;

const VIRTUAL_LAYOUTS = '_guidebook-layouts';

export default function configure(eleventyConfig: EleventyConfig) {
  const context = getBuildContext();
  const guidebook = createGuidebookData(getBuildContext, assetVersion(assetFiles));
  const search = new SiteSearch(context);

  eleventyConfig.setQuietMode(true);
  eleventyConfig.setUseGitIgnore(false);
  // The page layout is imported here and handed to Eleventy as a virtual template, so Eleventy
  // never imports a TypeScript file itself: the launcher can run this code compiled (src/cli/).
  // Its folder exists in no content; names starting with `_` hold no pages.
  eleventyConfig.setLayoutsDirectory(VIRTUAL_LAYOUTS);
  eleventyConfig.addTemplate(`${VIRTUAL_LAYOUTS}/page.11ty.js`, pageLayout);
  const markdownExtensions = context.format?.markdownExtensions ?? [];
  for (const extension of markdownExtensions) eleventyConfig.addExtension(extension, { key: 'md' });
  // `11ty.js` only for the virtual templates above and below: content never runs code
  // (src/security/codeInContent.ts), so real JavaScript templates are ignored (validation
  // refuses them first), and no data file is read: neither template or folder data files nor a
  // data folder, which content cannot have.
  eleventyConfig.setTemplateFormats(['md', '11ty.js', ...markdownExtensions]);
  for (const extension of ['js', 'cjs', 'mjs']) eleventyConfig.ignores.add(`**/*.11ty.${extension}`);
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.setDataDirectory(NO_DATA_DIR);
  const format = context.format;
  // Folders that hold no pages (the same rule as src/content/findContentFiles.ts); another input
  // format (Jekyll mode) names what is not a page itself.
  for (const ignore of format ? format.eleventyIgnores() : ['**/_*/**', '**/.*/**']) eleventyConfig.ignores.add(ignore);
  eleventyConfig.ignores.add('**/node_modules/**');
  // Settings (and another format's data and includes) are no template, so Eleventy would not
  // watch them; a change to one rebuilds every page (src/site/reloadSiteModel.ts).
  for (const target of format ? format.watchTargets() : [path.join(context.inputDir, SETTINGS_FILE)]) eleventyConfig.addWatchTarget(target);
  // YAML only: Eleventy's own `javascript`/`js`, `jsLegacy` and `node` engines would run code.
  eleventyConfig.setFrontMatterParsingOptions({ engines: yamlOnlyFrontMatterEngines(format ? (text: string) => format.eleventyFrontMatter(text) : eleventyFrontMatter) });
  // A page that opts in to Liquid reads includes from `_includes` and nowhere else (Eleventy
  // would also look in the whole input folder and beside the page).
  const includesDir = path.join(context.inputDir, '_includes');
  eleventyConfig.setLiquidOptions({ root: [includesDir], partials: [includesDir], layouts: [includesDir], relativeReference: false });

  const markdownOptions: MarkdownOptions = {
    pathPrefix: context.pathPrefix,
    lineOffset: (env) => {
      const page = context.model?.tree.byInputPath.get(contentPathOf(context, pageInputPath(env)));
      return page?.page.bodyLine ?? 1;
    },
    // Search (src/search/): each page goes to the indexer thread as soon as its Markdown is
    // rendered (Eleventy renders every page's content before any layout).
    onPageFacts: (env, facts) => {
      const contentPath = contentPathOf(context, pageInputPath(env));
      context.facts.set(contentPath, facts);
      search.pageRendered(contentPath);
    },
    onWarning: (env, warning) => {
      const contentPath = contentPathOf(context, pageInputPath(env));
      const file = context.model?.tree.byInputPath.get(contentPath)?.page.file ?? contentPath;
      console.warn(formatProblems([{ severity: 'warning', file, ...warning }]));
    },
  };
  const markdown = format ? format.markdownLibrary(markdownOptions) : createMarkdown(markdownOptions);
  // Eleventy switches indented code blocks off in any library with a `disable` method (its
  // issue #2438: template indentation). Our Markdown goes through no template engine, and
  // GitHub and kramdown show four-space code as code, so Eleventy gets `render` alone.
  eleventyConfig.setLibrary('md', { render: (source: string, env: unknown) => markdown.render(source, env) });

  eleventyConfig.addGlobalData('guidebook', guidebook);
  eleventyConfig.addGlobalData('layout', 'page.11ty.js');
  // Search: a fresh indexer before each build (pages go to it from onPageFacts), the index written after.
  eleventyConfig.on('eleventy.before', () => search.prepare());
  // Every content page's URL, from the site model (front matter reaches Eleventy without
  // `permalink`); generated pages set their own. A plain function in the data cascade rather
  // than `eleventyComputed`, whose dependency graph per page cost 0.8 s at 10,000 pages.
  const permalink = (data: { page: { inputPath: string } }) => guidebook.permalinkFor(data.page.inputPath);
  eleventyConfig.addGlobalData('permalink', () => permalink);

  eleventyConfig.addPassthroughCopy({ [path.join(layoutsDir, 'assets')]: 'assets' });
  // Images and files beside the pages are published at the same relative URLs (another input
  // format copies its own files after the build).
  if (!format) {
    // Never a file from outside the content, and no link in the site: linked files are copied as files.
    const copyOptions = passthroughCopyOptions(context.inputDir);
    for (const glob of passthroughGlobs(context.inputDir, process.cwd(), outputFolders(context.siteDir))) eleventyConfig.addPassthroughCopy(glob, copyOptions);
  }

  const system = { layout: false, eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate('404.11ty.js', { data: { ...system, permalink: '/404.html' }, render: () => renderNotFound(guidebook.systemView('Page not found', '/404.html')) });
  eleventyConfig.addTemplate('all-pages.11ty.js', { data: { ...system, permalink: '/all-pages/' }, render: () => renderAllPages(guidebook.systemView('All pages', '/all-pages/'), guidebook.allPages()) });
  // Every page links to `/`: content without a home page gets one listing its pages.
  eleventyConfig.addTemplate('home.11ty.js', {
    data: { ...system, permalink: () => (guidebook.hasHomePage() ? false : '/') },
    render: () => renderGeneratedHome(guidebook.systemView(guidebook.siteName(), '/'), guidebook.allPages()),
  });
  eleventyConfig.addTemplate('search.11ty.js', { data: { ...system, permalink: '/search/' }, render: () => renderSearchPage(guidebook.systemView('Search', '/search/')) });
  // Response headers for Netlify and Cloudflare Pages (src/security/responseHeaders.ts).
  eleventyConfig.addTemplate('headers.11ty.js', { data: { ...system, permalink: '/_headers' }, render: () => renderHeadersFile() });
  eleventyConfig.addTemplate('sitemap.11ty.js', { data: { ...system, permalink: '/sitemap.xml' }, render: () => renderSitemap(guidebook.sitemap()) });

  // A saved file is read once it has been still for 50 ms (Eleventy waits 150 ms): editors' saves are small.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // `npm start`: hostile request URLs get a 400, the start-up line names the real address.
  eleventyConfig.setServerOptions(devServerOptions());
  eleventyConfig.on('eleventy.beforeWatch', (changedFiles: string[]) => prepareRebuild(context, changedFiles));
  eleventyConfig.on('eleventy.before', () => reloadSiteModel(context));
  // After the pages: the search index, what another input format writes itself (redirect stubs),
  // and the link report over all of it. One handler, since Eleventy runs its handlers at once.
  const writeLinkableFiles = async () => {
    await search.writeScripts();
    format?.afterBuild(context.outputDir);
  };
  eleventyConfig.on('eleventy.after', async () => {
    if (context.mode === 'build') {
      await writeLinkableFiles();
      // Every file a page can link to is written (no page links to an index file): the link
      // report reads the pages on this core while the indexer finishes on the other.
      context.linkWarnings = linkWarnings(context);
      return search.writeIndex();
    }
    // The dev server reloads the browser when this handler returns: the edited page first, the
    // rest, the index and the report a moment later.
    // A failure here is printed; the server goes on serving and the next save tries again.
    void writeLinkableFiles()
      .then(() => search.writeIndex())
      .then(() => scheduleLinkReport(context))
      .catch((error: Error) => console.error(`warning: the search index or link report of this rebuild failed: ${error.message}`));
  });

  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}

function pageInputPath(env: unknown): string {
  return (env as { page?: { inputPath?: string } }).page?.inputPath ?? '';
}
