// Before each build (and, in the dev server, each rebuild): the site model read again when the
// content may have changed, errors that stop a rebuild without a stack trace, and whether
// Eleventy may render only the pages that changed.
import { ContentValidationError, formatProblems } from '../content/errors.ts';
import type { InputFormat } from '../input/inputFormat.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import { outputFolders } from '../output/buildsFolder.ts';
import type { SiteModel } from '../site/siteModel.ts';
import { navSignature } from './navSignature.ts';

/** What a reload reads and replaces: the build's model and the facts its pages recorded. */
export interface ReloadableBuild {
  readonly input: InputFormat;
  readonly siteDir: string;
  model: SiteModel;
  readonly facts: Map<string, PageFacts>;
}

export class ModelReloads {
  /** The model was loaded for the build about to start: no need to read the content again. */
  private fresh = true;
  /** Content errors found before a dev-server rebuild, reported when the rebuild starts. */
  private loadError?: ContentValidationError;
  /** This rebuild renders only the changed pages. */
  private incremental = false;

  /** `switchIncremental`: Eleventy's incremental mode for the next rebuild (set by the dev server). */
  constructor(
    private readonly build: ReloadableBuild,
    private readonly switchIncremental?: (incremental: boolean) => void,
  ) {}

  /**
   * Dev server, before each rebuild: reads the content again and decides whether Eleventy may
   * render only the changed pages. It may when only Markdown pages changed and the navigation
   * every page shows (titles, labels, parents, order, URLs) is the same; otherwise, a renamed
   * page must show its new label in every page's sidebar, so every page is rendered.
   */
  beforeWatch(changedFiles: readonly string[]): void {
    const before = navSignature(this.build.model.tree);
    this.loadAgain();
    const extensions = new Set(['md', ...this.build.input.markdownExtensions]);
    const isPage = (file: string) => extensions.has(file.slice(file.lastIndexOf('.') + 1).toLowerCase());
    const onlyPages = changedFiles.length > 0 && changedFiles.every(isPage);
    this.incremental = !this.loadError && onlyPages && before === navSignature(this.build.model.tree);
    this.switchIncremental?.(this.incremental);
  }

  /**
   * Before each Eleventy build: uses the model just validated, or reads the content again; stops
   * the build, with the errors listed and no stack trace, when the content has errors.
   */
  beforeBuild(): void {
    // An incremental rebuild keeps what the other pages recorded (search and link check read it).
    if (!this.incremental) this.build.facts.clear();
    if (!this.fresh) this.loadAgain();
    this.fresh = false;
    const error = this.loadError;
    if (!error) return;
    this.loadError = undefined;
    console.error(`\n${error.message}\n\nFix the errors above; the site will rebuild when you save.`);
    // Stop this rebuild without a stack trace: Eleventy prints the stack of what it catches.
    const stop = new Error('The content has errors (listed above); no page was written.');
    stop.stack = stop.message;
    throw stop;
  }

  /** Reads and validates the content again; errors are kept for `beforeBuild` to stop the rebuild with. */
  private loadAgain(): void {
    try {
      // Dates come from git history, which a save does not change: read once, kept after that.
      const { lastUpdated } = this.build.model;
      const model = this.build.input.loadSite({ skipDirs: outputFolders(this.build.siteDir), gitDates: false });
      model.lastUpdated = lastUpdated;
      this.build.model = model;
      this.loadError = undefined;
      if (model.warnings.length > 0) console.warn(formatProblems(model.warnings));
    } catch (error) {
      if (!(error instanceof ContentValidationError)) throw error;
      this.loadError = error;
    }
    this.fresh = true;
  }
}
