import markdownIt, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';
import { HeadingIdAllocator } from './headingIds.ts';
import { highlightCode } from './highlight.ts';
import type { PageFacts, SectionFact } from './pageFacts.ts';
import { escapeHtml } from './escapeHtml.ts';
import { normalizePathPrefix, prefixHtmlUrls, withPathPrefix } from '../urls/sitePaths.ts';
import { guardRawHtml } from './rawHtmlGuard.ts';
import { useOutlineHeadingLevels } from './headingLevels.ts';

export interface MarkdownOptions {
  /** URL prefix the site is served under (`/` or `/preview/branch/`); prepended to `/…` links. */
  pathPrefix?: string;
  /** Called once per rendered page with what the page contains (headings, links, ids, text). */
  onPageFacts?: (env: unknown, facts: PageFacts) => void;
  /** Line of the Markdown file on which the rendered text starts (after front matter). */
  lineOffset?: (env: unknown) => number;
  /** Extra markdown-it plugins (Jekyll mode adds kramdown's syntax). */
  plugins?: ((md: MarkdownIt) => void)[];
  /** Called for what the build changed in a page's raw HTML (see src/security/rawHtml.ts). */
  onWarning?: (env: unknown, warning: { line?: number; message: string }) => void;
}

// Runs of whitespace and any whitespace other than a space: a single space, the common case,
// is left alone, which makes collapsing a page's text several times cheaper than `/\s+/g`.
const LOOSE_WHITESPACE = /\s{2,}|[^\S ]/g;
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * The one markdown-it setup of the site: CommonMark plus GFM tables and strikethrough, raw HTML
 * allowed (pages are reviewed in pull requests), heading ids as GitHub makes them with an
 * anchor link, code highlighted at build time, and a record of every page's headings and links.
 */
export function createMarkdown(options: MarkdownOptions = {}): MarkdownIt {
  const prefix = normalizePathPrefix(options.pathPrefix ?? '/');
  const md = markdownIt({ html: true, linkify: false, typographer: false, highlight: highlightCode });

  for (const plugin of options.plugins ?? []) md.use(plugin);

  md.core.ruler.push('guidebook_page_facts', (state: StateCore) => {
    const offset = options.lineOffset ? options.lineOffset(state.env) : 1;
    const facts = collectPageFacts(state.tokens, offset, prefix, state);
    options.onPageFacts?.(state.env, facts);
  });
  useOutlineHeadingLevels(md, 'guidebook_page_facts');

  // Code blocks scroll sideways on phones; a scrolling region must be reachable by keyboard.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, opts, env, self) =>
    fence(tokens, idx, opts, env, self).replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.code_block = (tokens, idx) =>
    `<pre tabindex="0"><code>${escapeHtml(tokens[idx]!.content)}</code></pre>\n`;

  // Site-absolute URLs in raw HTML get the path prefix too.
  if (prefix !== '/') {
    for (const rule of ['html_block', 'html_inline'] as const) {
      const original = md.renderer.rules[rule]!;
      md.renderer.rules[rule] = (tokens, idx, opts, env, self) => prefixHtmlUrls(original(tokens, idx, opts, env, self), prefix);
    }
  }

  // Wide tables scroll inside a labelled, focusable region instead of widening the page;
  // numbered, so a screen reader's list of regions tells them apart.
  md.renderer.rules.table_open = (tokens, idx) =>
    `<section class="table-scroll" tabindex="0" aria-label="Table ${tableNumber(tokens, idx)}">\n<table>\n`;
  md.renderer.rules.table_close = () => '</table>\n</section>\n';

  guardRawHtml(md, { lineOffset: options.lineOffset, onWarning: options.onWarning });
  return md;
}

const tableNumbers = new WeakMap<Token[], Map<number, number>>();

/** 1 for the page's first table, 2 for the next…; counted once per page. */
function tableNumber(tokens: Token[], idx: number): number {
  let numbers = tableNumbers.get(tokens);
  if (!numbers) {
    numbers = new Map();
    for (let i = 0, n = 0; i < tokens.length; i++) if (tokens[i]!.type === 'table_open') numbers.set(i, ++n);
    tableNumbers.set(tokens, numbers);
  }
  return numbers.get(idx) ?? 1;
}

/** markdown-it types attributes as string | number; ours are always text. */
function attrText(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
  }
  return text;
}

function collectPageFacts(tokens: Token[], lineOffset: number, prefix: string, state: StateCore): PageFacts {
  const ids = new HeadingIdAllocator();
  const facts: PageFacts = { headings: [], links: [], ids: new Set(), sections: [], rawHtml: false };
  let section: SectionFact = { level: 1, text: '' };
  const sectionText: string[] = [];
  const closeSection = () => {
    section.text = sectionText.join(' ').replace(LOOSE_WHITESPACE, ' ').trim();
    if (section.id !== undefined || section.text !== '') facts.sections.push(section);
    sectionText.length = 0;
  };
  const lineOf = (token: Token) => (token.map ? token.map[0] + lineOffset : lineOffset);

  // Ids the author set explicitly (`{#id}` in Jekyll mode, raw HTML) are claimed first.
  for (const token of tokens) {
    if (token.type === 'heading_open') {
      const explicit = attrText(token, 'id');
      if (explicit) ids.claim(explicit);
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const text = inlineText(inline).trim();
      const id = attrText(token, 'id') ?? ids.allocate(text);
      token.attrSet('id', id);
      facts.ids.add(id);
      const level = Number(token.tag.slice(1));
      facts.headings.push({ level, id, text, line: lineOf(token) });
      if (level === 2 || level === 3) {
        closeSection();
        section = { id, heading: text, level, text: '' };
      } else if (level > 3) {
        sectionText.push(text);
      }
      // The anchor link follows the heading text; CSS shows it on hover and focus.
      const anchor = new state.Token('html_inline', '', 0);
      anchor.meta = { generated: true };
      anchor.content = ` <a class="heading-anchor" href="#${escapeHtml(id)}" aria-label="Link to this section: ${escapeHtml(text)}">#</a>`;
      inline.children = [...(inline.children ?? []), anchor];
      recordInline(inline, lineOf(inline), prefix, facts);
      i++;
      continue;
    }
    if (token.type === 'inline') {
      recordInline(token, lineOf(token), prefix, facts);
      sectionText.push(inlineText(token));
    } else if (token.type === 'html_block') {
      recordHtml(token.content, facts);
    }
  }
  closeSection();
  return facts;
}

function recordInline(inline: Token, line: number, prefix: string, facts: PageFacts): void {
  let at = line;
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
    else if (child.type === 'link_open') {
      const href = attrText(child, 'href') ?? '';
      facts.links.push({ href, kind: 'link', line: at });
      child.attrSet('href', withPathPrefix(href, prefix));
    } else if (child.type === 'image') {
      const src = attrText(child, 'src') ?? '';
      facts.links.push({ href: src, kind: 'image', line: at });
      child.attrSet('src', withPathPrefix(src, prefix));
    } else if (child.type === 'html_inline' && !child.meta?.generated) {
      recordHtml(child.content, facts);
      at += (child.content.match(/\n/g) ?? []).length;
    }
  }
}

function recordHtml(html: string, facts: PageFacts): void {
  facts.rawHtml = true;
  for (const match of html.matchAll(ID_ATTRIBUTE)) {
    const id = match[1] ?? match[2] ?? match[3];
    if (id) facts.ids.add(id);
  }
}

