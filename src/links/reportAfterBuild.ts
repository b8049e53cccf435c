import type { BuildState } from '../build/buildState.ts';
import { checkBuiltSite } from './checkLinks.ts';
import { formatText } from './formatReport.ts';

/**
 * After a build: the report of `npm run check-links` on what the content links to, as warning
 * text ('' when every link works). Pages our renderer wrote are checked from the links and ids
 * it recorded, not read back: the layout's own links (navigation, pager) come from the site
 * model, and `check-links`, the gate, reads them on every page. The site is published anyway
 * and the dev server keeps serving while the editor fixes the link.
 */
export async function linkWarnings(build: BuildState): Promise<string> {
  try {
    const report = await checkBuiltSite({
      inputDir: build.input.inputDir,
      siteDir: build.outputDir,
      pathPrefix: build.input.pathPrefix,
      model: build.model,
      facts: build.facts,
      factsAreComplete: build.input.sourceHoldsAllLinks,
    });
    return report.breaks.length > 0 ? `\n${formatText(report, { asWarnings: true })}` : '';
  } catch (error) {
    // The site is written; a failing report must not turn a good build into a failed one.
    return `warning: the link check did not run: ${error instanceof Error ? error.message : String(error)}`;
  }
}
