import path from 'node:path';
import type { MarkdownOptions } from '../markdown/createMarkdown.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { LoadSiteOptions, SiteModel } from './loadSite.ts';

/** What Eleventy's `md` library must do: Markdown (and the page's `env`) in, HTML out. */
export interface MarkdownLibrary {
  render(source: string, env?: unknown): string;
}

/**
 * An input other than a folder of our own pages (a Jekyll guide: `src/jekyll/`). It loads the
 * site model its own way and tells the Eleventy glue what to read, render and copy; everything
 * after the model (layouts, nav, search, link check) is the same for every input.
 */
export interface InputFormat {
  /** For messages: `Jekyll`. */
  readonly name: string;
  /** File extensions besides `md` that are Markdown pages (`markdown`, `mkd`…). */
  readonly markdownExtensions: readonly string[];
  /** Reads and validates the whole site like `loadSite`; throws `ContentValidationError`. */
  loadSite(options: LoadSiteOptions): SiteModel;
  /** Globs Eleventy must not read as pages: relative to the working folder, or starting with `**` + `/`. */
  eleventyIgnores(): string[];
  /** Files and globs that are no page but change what pages show (settings, data, includes): the dev server watches them. */
  watchTargets(): string[];
  /** The `md` library: the common Markdown options plus the format's own syntax. */
  markdownLibrary(common: MarkdownOptions): MarkdownLibrary;
  /** Front matter as Eleventy sees it; the model already holds what pages need. */
  eleventyFrontMatter(yaml: string): object;
  /** After Eleventy wrote the pages: what the format writes itself (static files, redirect stubs). */
  afterBuild(outputDir: string): void;
  /** What was and was not carried over, file by file (`--report`). */
  report(): string;
}

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
  /** Set when the input is not our own content folder (Jekyll mode). */
  format?: InputFormat;
  model?: SiteModel;
  /** Filled as pages render: headings, links and text of each page, by content path. */
  facts: Map<string, PageFacts>;
  /** The model was loaded for the build about to start (no need to read the content again). */
  modelFresh?: boolean;
  /** Content errors found before a dev-server rebuild, reported when the rebuild starts. */
  loadError?: Error;
  /** This dev-server rebuild renders only the changed pages. */
  incremental?: boolean;
  /**
   * `npm run build`: the link report of the staging folder, started once the pages are written
   * (it runs while the search indexer finishes on the other core).
   */
  linkWarnings?: Promise<string>;
  /** Set by the dev server: switches Eleventy's incremental mode for the next rebuild. */
  setIncremental?: (incremental: boolean) => void;
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

const contentPaths = new WeakMap<BuildContext, Map<string, string>>();

/**
 * Eleventy's `page.inputPath` (`./content/a/b.md`) as a content path (`a/b.md`). Remembered:
 * every page asks several times per build, and resolving paths costs a quarter of a second at
 * 10,000 pages.
 */
export function contentPathOf(context: BuildContext, eleventyInputPath: string): string {
  let known = contentPaths.get(context);
  if (!known) contentPaths.set(context, (known = new Map()));
  let contentPath = known.get(eleventyInputPath);
  if (contentPath === undefined) {
    contentPath = path.relative(context.inputDir, path.resolve(eleventyInputPath)).split(path.sep).join('/');
    known.set(eleventyInputPath, contentPath);
  }
  return contentPath;
}
