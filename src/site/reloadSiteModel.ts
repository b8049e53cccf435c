import { ContentValidationError, formatProblems } from '../content/errors.ts';
import type { BuildContext } from './buildContext.ts';
import { loadSite } from './loadSite.ts';
import { navSignature } from './navSignature.ts';
import { outputFolders } from './outputFolder.ts';

/** Reads and validates the content again; errors are kept for `reloadSiteModel` to stop the rebuild with. */
function loadAgain(context: BuildContext): void {
  try {
    // Dates come from git history, which a save does not change: read once, kept after that.
    const lastUpdated = context.model?.lastUpdated;
    context.model = loadSite({ inputDir: context.inputDir, skipDirs: outputFolders(context.siteDir), format: context.format, gitDates: lastUpdated === undefined });
    if (lastUpdated) context.model.lastUpdated = lastUpdated;
    context.loadError = undefined;
    if (context.model.warnings.length > 0) console.warn(formatProblems(context.model.warnings));
  } catch (error) {
    if (!(error instanceof ContentValidationError)) throw error;
    context.loadError = error;
  }
  context.modelFresh = true;
}

/**
 * Dev server, before each rebuild: reads the content again and decides whether Eleventy may
 * render only the changed pages. It may when only Markdown pages changed and the navigation
 * every page shows (titles, labels, parents, order, URLs) is the same; otherwise, a renamed
 * page must show its new label in every page's sidebar, so every page is rendered.
 */
export function prepareRebuild(context: BuildContext, changedFiles: readonly string[]): void {
  const before = context.model ? navSignature(context.model.tree) : undefined;
  loadAgain(context);
  const onlyPages = changedFiles.length > 0 && changedFiles.every((file) => /\.(md|markdown|mkd|mkdn)$/i.test(file));
  context.incremental = !context.loadError && onlyPages && before === navSignature(context.model!.tree);
  context.setIncremental?.(context.incremental);
}

/**
 * Before each Eleventy build: uses the model the CLI (or `prepareRebuild`) just validated, or
 * reads the content again; stops the build, with the errors listed and no stack trace, when
 * the content has errors.
 */
export function reloadSiteModel(context: BuildContext): void {
  // An incremental rebuild keeps what the other pages recorded (search and link check read it).
  if (!context.incremental) context.facts.clear();
  if (!context.modelFresh || !context.model) loadAgain(context);
  context.modelFresh = false;
  if (context.loadError) {
    const error = context.loadError;
    context.loadError = undefined;
    console.error(`\n${error.message}\n\nFix the errors above; the site will rebuild when you save.`);
    // Stop this rebuild without a stack trace: Eleventy prints the stack of what it catches.
    const stop = new Error('The content has errors (listed above); no page was written.');
    stop.stack = stop.message;
    throw stop;
  }
}
