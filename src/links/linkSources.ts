import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontMatter } from '../content/frontMatter.ts';
import type { Page } from '../content/page.ts';
import { outputPathOf } from '../content/pageUrl.ts';
import { createMarkdown } from '../markdown/createMarkdown.ts';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { InputFormat } from '../input/inputFormat.ts';
import { displayPath, type SiteModel } from '../site/siteModel.ts';
import type { HtmlScan, RefKind } from './scanHtml.ts';
import { withPathPrefix } from '../urls/sitePaths.ts';

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
  /**
   * Whether every link of the page is written in `text()` itself (no includes, no templates):
   * then a page whose text lacks an href is known not to hold it without parsing it.
   */
  textHoldsEveryLink: boolean;
  /** The source text, to find links the Markdown parser does not list (raw HTML). */
  text(): string;
}

/** Traces built pages back to what produced them. */
export interface LinkSources {
  /** The content source of the page built at this site path (`/guide/index.html`), if any. */
  sourceOf(sitePath: string): PageSource | undefined;
  /** The layout named for pages the generator makes itself (404, search, all pages). */
  layoutOf(sitePath: string): string;
  /**
   * The ids and links of the page built at this site path as the renderer recorded them, when
   * the record holds all its content has: then the page need not be read back. Its layout's
   * ids are not among them, nor its layout's links.
   */
  recordedPage?: (sitePath: string) => HtmlScan | undefined;
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
  /**
   * How to read one page's links with their lines when no facts were recorded. The default
   * parses the Markdown body with the site's markdown-it setup; another input format (Jekyll
   * mode) passes its own renderer.
   */
  parseLinks?: (page: Page, text: string) => readonly SourceLink[];
  /**
   * Whether `facts` list every link and id that a page's Markdown renders to: our own renderer,
   * not another format's templates and includes. Pages are then checked from their facts.
   */
  factsAreComplete?: boolean;
}

/**
 * Sources of a site built from Markdown content: each page's links come from the facts the
 * renderer recorded, or, after the build (`npm run check-links`), from parsing that one file
 * again, which takes a millisecond.
 */
export function markdownSources(options: MarkdownSourcesOptions): LinkSources {
  const { model } = options;
  const bySitePath = new Map<string, Page>();
  for (const page of model.pages) bySitePath.set(`/${outputPathOf(page.url)}`.normalize('NFC'), page);
  const parseLinks = options.parseLinks ?? markdownLinkParser(options.pathPrefix);
  // Pages run through a template engine first may pull links in from elsewhere.
  const textHoldsEveryLink = (page: Page) => options.parseLinks === undefined && page.data.templateEngineOverride === undefined;
  const sources: LinkSources = {
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
        textHoldsEveryLink: textHoldsEveryLink(page),
        text: readText,
      };
    },
    layoutOf: () => SYSTEM_LAYOUT,
  };
  if (options.factsAreComplete && options.facts) {
    const { facts } = options;
    sources.recordedPage = (sitePath) => {
      const page = bySitePath.get(sitePath);
      const recorded = page && textHoldsEveryLink(page) ? facts.get(page.inputPath) : undefined;
      // Raw HTML is sanitised after rendering, and its links are not recorded.
      return recorded && !recorded.rawHtml ? recordedScan(recorded, options.pathPrefix) : undefined;
    };
  }
  return sources;
}

/** A page's content as `scanHtml` would read it in the built file, from the renderer's record. */
function recordedScan(facts: PageFacts, pathPrefix: string): HtmlScan {
  const refs = new Map<string, RefKind>();
  // Each heading's own anchor link (`#id`) always works: only what the editor wrote is checked.
  for (const link of facts.links) {
    const href = withPathPrefix(link.href, pathPrefix);
    if (!refs.has(href)) refs.set(href, link.kind);
  }
  return { ids: facts.ids, headingIds: facts.headings.map((h) => h.id), refs };
}

/**
 * Reads a page's links through another input format's renderer (Jekyll mode: Liquid, then
 * kramdown's syntax), which knows each page by its path, as Eleventy passes it.
 */
export function formatLinkParser(format: InputFormat, inputDir: string, pathPrefix: string): (page: Page) => readonly SourceLink[] {
  let last: PageFacts | undefined;
  const library = format.markdownLibrary({ pathPrefix, onPageFacts: (_env, facts) => (last = facts) });
  return (page) => {
    last = undefined;
    library.render('', { page: { inputPath: path.join(inputDir, page.inputPath) } });
    return (last as PageFacts | undefined)?.links ?? [];
  };
}

/** Reads a page's links as our own build renders it: front matter off, markdown-it's parse. */
function markdownLinkParser(pathPrefix: string): (page: Page, text: string) => readonly SourceLink[] {
  let markdown: ReturnType<typeof createMarkdown> | undefined;
  // The renderer hands facts to a callback; this holds the last page's.
  const last: { facts?: PageFacts; bodyLine: number } = { bodyLine: 1 };
  return (page, text) => {
    const front = parseFrontMatter(text, page.file).parsed;
    if (!front) return [];
    markdown ??= createMarkdown({ pathPrefix, lineOffset: () => last.bodyLine, onPageFacts: (_env, facts) => (last.facts = facts) });
    last.bodyLine = front.bodyLine;
    last.facts = undefined;
    markdown.parse(front.body, {});
    return (last.facts as PageFacts | undefined)?.links ?? [];
  };
}
