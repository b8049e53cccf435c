import type { PageFacts } from '../markdown/pageFacts.ts';
import { fullTree, type TreeEntry } from '../nav/fullTree.ts';
import type { BuildContext } from './buildContext.ts';
import { contentPathOf } from './buildContext.ts';
import { buildPageView, buildSystemPageView, type PageView } from './pageView.ts';
import { pathPrefixer } from '../urls/sitePaths.ts';

/** The data layouts and system pages read, looked up from the build context at render time. */
export interface GuidebookData {
  pageView(eleventyInputPath: string): PageView;
  systemView(title: string, url: string): PageView;
  allPages(): TreeEntry[];
  /** Whether the content has a page at `/`; without one the generator writes a home page. */
  hasHomePage(): boolean;
  siteName(): string;
  sitemap(): { loc: string; lastmod?: string }[];
  /**
   * The URL Eleventy writes a content page to (our rule, so validation and output agree), or
   * false for a file that is not published (`permalink: false`).
   */
  permalinkFor(eleventyInputPath: string): string | false;
}

export function createGuidebookData(getContext: () => BuildContext, assetVersion: string): GuidebookData {
  const model = () => {
    const context = getContext();
    if (!context.model) throw new Error('The site model is not loaded yet.');
    return { context, model: context.model };
  };
  return {
    pageView(eleventyInputPath) {
      const { context, model: site } = model();
      const contentPath = contentPathOf(context, eleventyInputPath);
      const node = site.tree.byInputPath.get(contentPath);
      if (!node) throw new Error(`No page in the site model for ${contentPath}.`);
      const facts: PageFacts | undefined = context.facts.get(contentPath);
      return buildPageView({
        page: node.page,
        tree: site.tree,
        settings: site.settings,
        pathPrefix: context.pathPrefix,
        assetVersion,
        facts,
        lastUpdated: site.lastUpdated.get(contentPath),
      });
    },
    systemView(title, url) {
      const { context, model: site } = model();
      return buildSystemPageView({ title, url, tree: site.tree, settings: site.settings, pathPrefix: context.pathPrefix, assetVersion });
    },
    allPages() {
      const { context, model: site } = model();
      return fullTree(site.tree, pathPrefixer(context.pathPrefix));
    },
    hasHomePage() {
      return model().model.tree.home !== undefined;
    },
    siteName() {
      return model().model.settings.name;
    },
    sitemap() {
      const { context, model: site } = model();
      const p = pathPrefixer(context.pathPrefix);
      return site.tree.order.map((node) => ({
        loc: site.settings.url + p(node.page.url),
        lastmod: site.lastUpdated.get(node.page.inputPath)?.toISOString().slice(0, 10),
      }));
    },
    permalinkFor(eleventyInputPath) {
      const { context, model: site } = model();
      return site.tree.byInputPath.get(contentPathOf(context, eleventyInputPath))?.page.url ?? false;
    },
  };
}
