import path from 'node:path';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { SiteModel } from './loadSite.ts';

/**
 * What one run of the generator knows: where to read and write, the URL prefix, and (after
 * validation) the site model. The CLI creates it; `.eleventy.ts` reads it. In watch mode
 * the model is loaded again before every rebuild.
 */
export interface BuildContext {
  inputDir: string;
  /** Where Eleventy writes (the staging folder during `npm run build`). */
  outputDir: string;
  /** Where the finished site ends up (`_site`); equals outputDir while serving. */
  siteDir: string;
  pathPrefix: string;
  mode: 'build' | 'serve';
  /** Jekyll mode: the input is a Jekyll site (`_config.yml`). */
  jekyll: boolean;
  model?: SiteModel;
  /** Filled as pages render: headings, links and text of each page, by content path. */
  facts: Map<string, PageFacts>;
}

let current: BuildContext | undefined;

export function setBuildContext(context: BuildContext): void {
  current = context;
}

export function getBuildContext(): BuildContext {
  if (!current) {
    throw new Error('No build context: run the generator through `npm run build` or `npm start`, not Eleventy directly.');
  }
  return current;
}

/** Eleventy's `page.inputPath` (`./content/a/b.md`) as a content path (`a/b.md`). */
export function contentPathOf(context: BuildContext, eleventyInputPath: string): string {
  return path.relative(context.inputDir, path.resolve(eleventyInputPath)).split(path.sep).join('/');
}
