import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../content/frontMatter.ts';
import type { Page } from '../content/page.ts';
import { outputPathOf } from '../content/pageUrl.ts';
import { createMarkdown, type MarkdownOptions } from '../markdown/createMarkdown.ts';
import type { LinkFact, PageFacts } from '../markdown/pageFacts.ts';
import { displayPath, type SiteModel } from '../site/loadSite.ts';

/** A link as the editor wrote it in a source file. */
export interface SourceLink {
  href: string;
  /** 1-based line in the source file. */
  line: number;
}

/** The source a built page came from: where a break on that page is reported. */
export interface PageSource {
  /** The file as shown to the editor (`content/guide/checklist.md`). */
  file: string;
  /** The layout around it, named for links on the page that the source does not hold. */
  layout: string;
  /** The links written in the source, with lines (read when a break needs them). */
  links(): readonly SourceLink[];
  /** Whether `links()` costs nothing (recorded during the build) rather than a parse. */
  recorded: boolean;
  /** The source text, to find links the Markdown parser does not list (raw HTML). */
  text(): string;
}

/** Traces built pages back to what produced them. */
export interface LinkSources {
  /** The content source of the page built at this site path (`/guide/index.html`), if any. */
  sourceOf(sitePath: string): PageSource | undefined;
  /** The layout named for pages the generator makes itself (404, search, all pages). */
  layoutOf(sitePath: string): string;
}

const layoutsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'layouts');
/** Layouts as editors see them in messages (`layouts/page.11ty.ts` from the project root). */
export const PAGE_LAYOUT = displayPath(path.join(layoutsDir, 'page.11ty.ts'));
export const SYSTEM_LAYOUT = displayPath(path.join(layoutsDir, 'system-pages.ts'));

export interface MarkdownSourcesOptions {
  model: SiteModel;
  pathPrefix: string;
  /** Facts recorded while the pages rendered (a build); pages without them are parsed again. */
  facts?: ReadonlyMap<string, PageFacts>;
  /** markdown-it plugins the build renders with (Jekyll mode's kramdown syntax). */
  plugins?: MarkdownOptions['plugins'];
  /** What the build does to a page's Markdown before rendering it (Jekyll mode's Liquid). */
  transformBody?: (body: string, page: Page) => string;
}

/**
 * Sources of a site built from Markdown content: each page's links come from the facts the
 * renderer recorded, or, after the build (`npm run check-links`), from parsing that one file
 * again with the same markdown-it setup, which takes a millisecond.
 */
export function markdownSources(options: MarkdownSourcesOptions): LinkSources {
  const { model } = options;
  const bySitePath = new Map<string, Page>();
  for (const page of model.pages) bySitePath.set(`/${outputPathOf(page.url)}`.normalize('NFC'), page);
  let markdown: ReturnType<typeof createMarkdown> | undefined;
  // The renderer hands facts to a callback; this holds the last page's.
  const last: { facts?: PageFacts; bodyLine: number } = { bodyLine: 1 };
  const parseLinks = (page: Page, raw: string): LinkFact[] => {
    const front = parseFrontMatter(raw, page.file).parsed;
    if (!front) return [];
    markdown ??= createMarkdown({
      pathPrefix: options.pathPrefix,
      plugins: options.plugins,
      lineOffset: () => last.bodyLine,
      onPageFacts: (_env, facts) => (last.facts = facts),
    });
    last.bodyLine = front.bodyLine;
    last.facts = undefined;
    markdown.parse(options.transformBody ? options.transformBody(front.body, page) : front.body, {});
    return (last.facts as PageFacts | undefined)?.links ?? [];
  };
  return {
    sourceOf(sitePath) {
      const page = bySitePath.get(sitePath);
      if (!page) return undefined;
      let text: string | undefined;
      const readText = () => (text ??= readFileSync(path.join(model.inputDir, page.inputPath), 'utf8'));
      const recorded = options.facts?.get(page.inputPath)?.links;
      return {
        file: page.file,
        layout: PAGE_LAYOUT,
        links: () => recorded ?? parseLinks(page, readText()),
        recorded: recorded !== undefined,
        text: readText,
      };
    },
    layoutOf: () => SYSTEM_LAYOUT,
  };
}
