import { ContentValidationError, formatProblems } from '../content/errors.ts';
import type { BuildContext } from './buildContext.ts';
import { loadSite } from './loadSite.ts';

/**
 * Before each Eleventy build: the first build of `npm run build` uses the model the CLI
 * validated; every rebuild of the dev server reads the content again, so a changed title
 * shows in every page's navigation.
 */
export function reloadSiteModel(context: BuildContext): void {
  context.facts.clear();
  if (context.model && context.mode === 'build') return;
  try {
    context.model = loadSite({ inputDir: context.inputDir, skipDirs: [context.siteDir], format: context.format });
    if (context.model.warnings.length > 0) console.warn(formatProblems(context.model.warnings));
  } catch (error) {
    if (error instanceof ContentValidationError) {
      console.error(`\n${error.message}\n\nFix the errors above; the site will rebuild when you save.`);
      // Stop this rebuild without a stack trace: Eleventy prints the stack of what it catches.
      const stop = new Error('The content has errors (listed above); no page was written.');
      stop.stack = stop.message;
      throw stop;
    }
    throw error;
  }
}
