// What the build needs from an input: a folder of our own pages (src/content/contentFormat.ts)
// or a Jekyll guide (src/jekyll/jekyllFormat.ts). Everything after the site model (layouts,
// navigation, search, link check) is the same for every input, and no module asks which it is.
import type { MarkdownOptions } from '../markdown/createMarkdown.ts';
import type { LoadSiteOptions, SiteModel } from '../site/siteModel.ts';

/** What Eleventy's `md` library must do: Markdown (and the page's `env`) in, HTML out. */
export interface MarkdownLibrary {
  render(source: string, env?: unknown): string;
}

/** Files Eleventy copies into the site as they are: globs relative to the working folder, and the copy's options. */
export interface PassthroughCopies {
  globs: string[];
  options?: object;
}

export interface InputFormat {
  /** For messages: `Markdown content`, `Jekyll`. */
  readonly name: string;
  /** The folder the site is read from. */
  readonly inputDir: string;
  /** The path prefix the site is built under (normalised: `/` or `/preview/x/`). */
  readonly pathPrefix: string;
  /** File extensions besides `md` that are Markdown pages (`markdown`, `mkd`…). */
  readonly markdownExtensions: readonly string[];
  /**
   * Whether a page's Markdown holds every link the page has, so that the links recorded while
   * rendering (or read from the file) are all of them; a Jekyll guide's includes add links.
   */
  readonly sourceHoldsAllLinks: boolean;
  /** Reads and validates the whole site; throws `ContentValidationError`, before anything is written. */
  loadSite(options: Omit<LoadSiteOptions, 'inputDir'>): SiteModel;
  /** Globs Eleventy must not read as pages: relative to the working folder, or starting with `**` + `/`. */
  eleventyIgnores(): string[];
  /** Files and globs that are no page but change what pages show (settings, data, includes): the dev server watches them. */
  watchTargets(): string[];
  /** The `md` library: the common Markdown options plus the format's own syntax. */
  markdownLibrary(common: MarkdownOptions): MarkdownLibrary;
  /** Front matter as Eleventy sees it; the model already holds what pages need. */
  eleventyFrontMatter(yaml: string): object;
  /** Files beside the pages Eleventy copies (`skipDirs`: folders never read, such as the output). */
  passthroughCopies(cwd: string, skipDirs: readonly string[]): PassthroughCopies;
  /** After Eleventy wrote the pages: what the format writes itself (static files, redirect stubs). */
  afterBuild(outputDir: string): void;
  /** What was and was not carried over, file by file (`--report`); '' when there is nothing to say. */
  report(): string;
}
