import markdownIt, { type MarkdownIt } from 'markdown-it';
import { headingAnchorPlugin } from './headingAnchorPlugin.ts';
import { headingIdsPlugin } from './headingIdsPlugin.ts';
import { outlineHeadingLevelsPlugin } from './headingLevels.ts';
import { highlightCode } from './highlight.ts';
import type { PageFacts, SectionFact } from './pageFacts.ts';
import { pageFactsPlugin } from './pageFactsPlugin.ts';
import { pathPrefixPlugin } from './pathPrefixPlugin.ts';
import { guardRawHtml } from './rawHtmlGuard.ts';
import { scrollableCodePlugin } from './scrollableCodePlugin.ts';
import { tableRegionPlugin } from './tableRegionPlugin.ts';

export interface MarkdownOptions {
  /** URL prefix the site is served under (`/` or `/preview/branch/`); prepended to `/…` links. */
  pathPrefix?: string;
  /** Called once per rendered page with what the page contains (headings, links, ids, raw HTML). */
  onPageFacts?: (env: unknown, facts: PageFacts) => void;
  /** Called once per rendered page, just before `onPageFacts`, with its text by section (for search). */
  onPageSections?: (env: unknown, sections: SectionFact[]) => void;
  /** Line of the Markdown file on which the rendered text starts (after front matter). */
  lineOffset?: (env: unknown) => number;
  /** Extra markdown-it plugins (Jekyll mode adds kramdown's syntax). */
  plugins?: ((md: MarkdownIt) => void)[];
  /** Called for what the build changed in a page's raw HTML (see src/security/rawHtml.ts). */
  onWarning?: (env: unknown, warning: { line?: number; message: string }) => void;
}

/**
 * The one markdown-it setup of the site: CommonMark plus GFM tables and strikethrough, raw HTML
 * allowed (pages are reviewed in pull requests), code highlighted at build time, and our
 * features as plugins, one file each.
 */
export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const md = markdownIt({ html: true, linkify: false, typographer: false, highlight: highlightCode });

  // The plugins given (Jekyll mode's kramdown syntax) come first: their core rules run before
  // ours, so a heading they gave an id (`{#id}`) keeps it, and links they rewrote are recorded
  // as they left them.
  for (const plugin of options.plugins ?? []) md.use(plugin);

  // Core rules, run in this order once markdown-it has parsed the page.
  md.use(outlineHeadingLevelsPlugin) // `###` under the title becomes an h2
    .use(headingIdsPlugin) // ids as GitHub makes them, explicit ones claimed first
    .use(headingAnchorPlugin) // the `#` link after each heading's text
    .use(pathPrefixPlugin(options.pathPrefix ?? '/')) // `/…` links under the path prefix
    .use(pageFactsPlugin(options)); // last, and read-only: what the page holds

  // Renderer rules.
  md.use(scrollableCodePlugin).use(tableRegionPlugin);
  guardRawHtml(md, { lineOffset: options.lineOffset, onWarning: options.onWarning });
  return md;
}
