import type { BuildContext } from '../site/buildContext.ts';
import { checkBuiltSite } from './checkLinks.ts';
import { formatText } from './formatReport.ts';

/**
 * After a build: the report of `npm run check-links` on what the content links to, as warning
 * text ('' when every link works). Pages our renderer wrote are checked from the links and ids
 * it recorded, not read back: the layout's own links (navigation, pager) come from the site
 * model, and `check-links`, the gate, reads them on every page. The site is published anyway
 * and the dev server keeps serving while the editor fixes the link.
 */
export async function linkWarnings(context: BuildContext): Promise<string> {
  if (!context.model) return '';
  try {
    const report = await checkBuiltSite({
      inputDir: context.inputDir,
      siteDir: context.outputDir,
      pathPrefix: context.pathPrefix,
      model: context.model,
      facts: context.facts,
      // Another input format's pages pull links in through templates and includes.
      factsAreComplete: context.format === undefined,
    });
    return report.breaks.length > 0 ? `\n${formatText(report, { asWarnings: true })}` : '';
  } catch (error) {
    // The site is written; a failing report must not turn a good build into a failed one.
    return `warning: the link check did not run: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function warnAboutBrokenLinks(context: BuildContext): Promise<void> {
  const warnings = await linkWarnings(context);
  if (warnings) console.warn(warnings);
}

let running: Promise<void> | undefined;
let again = false;

/**
 * For the dev server: checks after a rebuild without delaying the browser's reload; rebuilds
 * that finish while a check runs lead to one more check, not to checks piling up.
 */
export function scheduleLinkReport(context: BuildContext): void {
  if (running) {
    again = true;
    return;
  }
  // Deferred so that whatever else runs after the build (a format writing its redirect stubs)
  // has written its files first.
  running = new Promise((resolve) => setImmediate(resolve))
    .then(() => warnAboutBrokenLinks(context))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        scheduleLinkReport(context);
      }
    });
}
