import type { PageFacts } from '../markdown/pageFacts.ts';
import { fullTree, type TreeEntry } from '../nav/fullTree.ts';
import type { BuildState, ContentPaths } from '../build/buildState.ts';
import { buildPageView, buildSystemPageView, type PageView } from './pageView.ts';
import { pathPrefixer } from '../urls/sitePaths.ts';

/** The data layouts and system pages read, looked up from the build at render time. */
export interface GuidebookData {
  pageView(eleventyInputPath: string): PageView;
  systemView(title: string, url: string): PageView;
  allPages(): TreeEntry[];
  /** Whether the content has a page at `/`; without one the generator writes a home page. */
  hasHomePage(): boolean;
  siteName(): string;
  sitemap(): { loc: string; lastmod?: string }[];
}

export function createGuidebookData(build: BuildState, contentPaths: ContentPaths, assetVersion: string): GuidebookData {
  const pathPrefix = () => build.input.pathPrefix;
  return {
    pageView(eleventyInputPath) {
      const site = build.model;
      const contentPath = contentPaths.of(eleventyInputPath);
      const node = site.tree.byInputPath.get(contentPath);
      if (!node) throw new Error(`No page in the site model for ${contentPath}.`);
      const facts: PageFacts | undefined = build.facts.get(contentPath);
      return buildPageView({
        page: node.page,
        tree: site.tree,
        settings: site.settings,
        pathPrefix: pathPrefix(),
        assetVersion,
        facts,
        lastUpdated: site.lastUpdated.get(contentPath),
      });
    },
    systemView(title, url) {
      const site = build.model;
      return buildSystemPageView({ title, url, tree: site.tree, settings: site.settings, pathPrefix: pathPrefix(), assetVersion });
    },
    allPages() {
      return fullTree(build.model.tree, pathPrefixer(pathPrefix()));
    },
    hasHomePage() {
      return build.model.tree.home !== undefined;
    },
    siteName() {
      return build.model.settings.name;
    },
    sitemap() {
      const site = build.model;
      const p = pathPrefixer(pathPrefix());
      return site.tree.order.map((node) => ({
        loc: site.settings.url + p(node.page.url),
        lastmod: site.lastUpdated.get(node.page.inputPath)?.toISOString().slice(0, 10),
      }));
    },
  };
}
