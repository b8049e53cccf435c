// The build: one object, made by the CLI for one run (or one dev-server session) and handed to
// Eleventy with the plugins of .eleventy.ts. It owns the site model, what each page recorded as
// it rendered, the search indexer and the link report; its methods are what the plugins call at
// Eleventy's moments (before a build, a page rendered, after a build).
import { formatProblems } from '../content/errors.ts';
import { LinkReportQueue } from '../devserver/linkReportQueue.ts';
import { ModelReloads } from '../devserver/rebuilds.ts';
import type { InputFormat } from '../input/inputFormat.ts';
import { linkWarnings } from '../links/reportAfterBuild.ts';
import type { PageFacts, SectionFact } from '../markdown/pageFacts.ts';
import { SiteSearch } from '../search/writeSiteSearch.ts';
import type { SiteModel } from '../site/siteModel.ts';
import { ContentPaths, eleventyInputPathOf, type BuildState } from './buildState.ts';

export interface SiteBuildOptions {
  input: InputFormat;
  mode: BuildState['mode'];
  /** Where readers' site ends up (`_site`). */
  siteDir: string;
  /** Where Eleventy writes: this run's build folder. */
  outputDir: string;
  /** The content as the CLI read and validated it. */
  model: SiteModel;
}

export class SiteBuild implements BuildState {
  readonly input: InputFormat;
  readonly mode: BuildState['mode'];
  readonly siteDir: string;
  readonly outputDir: string;
  model: SiteModel;
  readonly facts = new Map<string, PageFacts>();
  readonly contentPaths: ContentPaths;
  readonly search: SiteSearch;
  /** Set by the dev server: switches Eleventy's incremental mode for the next rebuild. */
  switchIncremental?: (incremental: boolean) => void;
  private readonly reloads: ModelReloads;
  private readonly devLinkReports = new LinkReportQueue(() => linkWarnings(this));
  /** A one-off build's link report, started once every page is written. */
  private linkReport?: Promise<string>;

  constructor(options: SiteBuildOptions) {
    this.input = options.input;
    this.mode = options.mode;
    this.siteDir = options.siteDir;
    this.outputDir = options.outputDir;
    this.model = options.model;
    this.contentPaths = new ContentPaths(this.input.inputDir);
    this.search = new SiteSearch(this);
    this.reloads = new ModelReloads(this, (incremental) => this.switchIncremental?.(incremental));
  }

  /** The URL Eleventy writes a content page to (our rule, so validation and output agree), or false. */
  permalinkOf(eleventyInputPath: string): string | false {
    return this.model.tree.byInputPath.get(this.contentPaths.of(eleventyInputPath))?.page.url ?? false;
  }

  /** The line of the page's file on which its Markdown body starts (after the front matter). */
  bodyLineOf(env: unknown): number {
    return this.model.tree.byInputPath.get(this.contentPaths.of(eleventyInputPathOf(env)))?.page.bodyLine ?? 1;
  }

  /** Dev server: a save was seen; Eleventy rebuilds next. */
  beforeWatch(changedFiles: readonly string[]): void {
    this.reloads.beforeWatch(changedFiles);
  }

  /** Before Eleventy renders: a fresh indexer, and the content read again if it may have changed. */
  beforeBuild(): void {
    this.search.prepare();
    this.reloads.beforeBuild();
  }

  /** A page's text by section, just before its facts: the search's alone, not kept with the facts. */
  pageSections(env: unknown, sections: SectionFact[]): void {
    this.search.pageSections(this.contentPaths.of(eleventyInputPathOf(env)), sections);
  }

  /**
   * A page's Markdown is rendered: its facts are kept, and the page goes to the search indexer
   * at once (Eleventy renders every page's content before any layout).
   */
  pageRendered(env: unknown, facts: PageFacts): void {
    const contentPath = this.contentPaths.of(eleventyInputPathOf(env));
    this.facts.set(contentPath, facts);
    this.search.pageRendered(contentPath);
  }

  /** Something the renderer changed or could not render on a page, shown to the editor. */
  warn(env: unknown, warning: { line?: number; message: string }): void {
    const contentPath = this.contentPaths.of(eleventyInputPathOf(env));
    const file = this.model.tree.byInputPath.get(contentPath)?.page.file ?? contentPath;
    console.warn(formatProblems([{ severity: 'warning', file, ...warning }]));
  }

  /**
   * After the pages: the search scripts, what the input format writes itself (redirect stubs),
   * then the link report over all of it and the search index.
   */
  async afterBuild(): Promise<void> {
    const writeLinkableFiles = async () => {
      await this.search.writeScripts();
      this.input.afterBuild(this.outputDir);
    };
    if (this.mode === 'build') {
      await writeLinkableFiles();
      // Every file a page can link to is written (no page links to an index file): the link
      // report reads the pages on this core while the indexer finishes on the other.
      this.linkReport = linkWarnings(this);
      return this.search.writeIndex();
    }
    // The dev server reloads the browser when this returns: the edited page first, the rest,
    // the index and the report a moment later. A failure here is printed; the server goes on
    // serving and the next save tries again.
    void writeLinkableFiles()
      .then(() => this.search.writeIndex())
      .then(() => this.devLinkReports.schedule())
      .catch((error: Error) => console.error(`warning: the search index or link report of this rebuild failed: ${error.message}`));
  }

  /** Waits for a link report still reading the build folder, before that folder is removed. */
  async settled(): Promise<void> {
    await this.linkReport;
  }

  /** A one-off build's link report as warning text ('' when every link works). */
  linkWarnings(): Promise<string> {
    return this.linkReport ?? linkWarnings(this);
  }
}
