import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { isGeneratedHtml } from './generatedHtml.ts';
import type { PageFacts, SectionFact } from './pageFacts.ts';
import { writtenUrl } from './pathPrefixPlugin.ts';
import { attrText, fileLineOf, inlineText } from './tokenText.ts';

export interface PageFactsOptions {
  /** Line of the Markdown file on which the rendered text starts (after front matter). */
  lineOffset?: (env: unknown) => number;
  onPageFacts?: (env: unknown, facts: PageFacts) => void;
  /** The page's text by section, for the search index; called just before `onPageFacts`. */
  onPageSections?: (env: unknown, sections: SectionFact[]) => void;
}

// Runs of whitespace and any whitespace other than a space: a single space, the common case,
// is left alone, which makes collapsing a page's text several times cheaper than `/\s+/g`.
const LOOSE_WHITESPACE = /\s{2,}|[^\S ]/g;
const ID_ATTRIBUTE = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Records what a page holds (its headings, links, ids, raw HTML; its text by section) once
 * every other rule has run, and changes no token. Links are recorded as the editor wrote them:
 * where the path prefix changed one, ./pathPrefixPlugin.ts keeps the written URL beside it.
 * The text is collected only when someone asks for it (`onPageSections`).
 */
export function pageFactsPlugin(options: PageFactsOptions): (md: MarkdownIt) => void {
  return (md) => {
    const { onPageFacts, onPageSections } = options;
    if (!onPageFacts && !onPageSections) return;
    md.core.ruler.push('guidebook_page_facts', (state: StateCore) => {
      const lineOffset = options.lineOffset ? options.lineOffset(state.env) : 1;
      const sections = onPageSections ? [] : undefined;
      const facts = readPage(state.tokens, lineOffset, sections);
      if (sections) onPageSections?.(state.env, sections);
      onPageFacts?.(state.env, facts);
    });
  };
}

/** The facts of a page's tokens, and its sections into `sections` when given. */
function readPage(tokens: readonly Token[], lineOffset: number, sections: SectionFact[] | undefined): PageFacts {
  const facts: PageFacts = { headings: [], links: [], ids: new Set(), rawHtml: false };
  const text = sections ? new SectionText(sections) : undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      // markdown-it's heading is three tokens: open, inline (the text), close.
      const inline = tokens[i + 1]!;
      const heading = inlineText(inline).trim();
      const id = attrText(token, 'id') ?? '';
      facts.ids.add(id);
      const level = Number(token.tag.slice(1));
      facts.headings.push({ level, id, text: heading, line: fileLineOf(token, lineOffset) });
      text?.heading(level, id, heading);
      recordInline(inline, fileLineOf(inline, lineOffset), facts);
      i++;
    } else if (token.type === 'inline') {
      recordInline(token, fileLineOf(token, lineOffset), facts);
      text?.add(inlineText(token));
    } else if (token.type === 'html_block') {
      recordHtml(token.content, facts);
    }
  }
  text?.close();
  return facts;
}

function recordInline(inline: Token, line: number, facts: PageFacts): void {
  let at = line;
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
    else if (child.type === 'link_open' || child.type === 'image') {
      facts.links.push({ href: writtenUrl(child) ?? '', kind: child.type === 'image' ? 'image' : 'link', line: at });
    } else if (child.type === 'html_inline' && !isGeneratedHtml(child)) {
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

/**
 * A page's text cut at its h2 and h3 headings (the intro before the first); deeper headings'
 * text belongs to the section they are in.
 */
class SectionText {
  private section: SectionFact = { level: 1, text: '' };
  private readonly parts: string[] = [];

  constructor(private readonly sections: SectionFact[]) {}

  heading(level: number, id: string, text: string): void {
    if (level === 2 || level === 3) {
      this.close();
      this.section = { id, heading: text, level, text: '' };
    } else if (level > 3) {
      this.parts.push(text);
    }
  }

  add(text: string): void {
    this.parts.push(text);
  }

  close(): void {
    this.section.text = this.parts.join(' ').replace(LOOSE_WHITESPACE, ' ').trim();
    if (this.section.id !== undefined || this.section.text !== '') this.sections.push(this.section);
    this.parts.length = 0;
  }
}
