import type { MarkdownIt, Token } from 'markdown-it';
import { isGeneratedHtml } from './generatedHtml.ts';
import { withNoopener } from '../security/linkRel.ts';
import { sanitizeContentHtml } from '../security/rawHtml.ts';
import { attrText } from './tokenText.ts';

export interface RawHtmlGuardOptions {
  /** Line of the Markdown file on which the rendered text starts (after front matter). */
  lineOffset?: (env: unknown) => number;
  onWarning?: (env: unknown, warning: { line?: number; message: string }) => void;
}

/**
 * Attributes an editor wrote outside raw HTML (a kramdown attribute list in Jekyll mode), set
 * on a markdown-it token: they are as free as raw HTML's, so the page goes through the same guard.
 */
interface WrittenAttributes {
  /** As written (`{: style="…"}`), to find what the guard reports. */
  text: string;
  /** 0-based line of the rendered Markdown (as in `token.map`); a span's is its inline's. */
  line?: number;
}

const WRITTEN_ATTRIBUTES = 'guidebookWrittenAttributes';

/** Records that a plugin set attributes the editor wrote on `token`, so the guard checks the page. */
export function markWrittenAttributes(token: Token, text: string, line?: number): void {
  const written: WrittenAttributes = { text, line };
  token.meta = { ...(token.meta as object | null), [WRITTEN_ATTRIBUTES]: written };
}

function writtenAttributes(token: Token): WrittenAttributes | undefined {
  return (token.meta as Record<string, WrittenAttributes | undefined> | null)?.[WRITTEN_ATTRIBUTES];
}

/** Raw HTML as the editor wrote it, with the file line it starts on. */
interface RawHtmlSource {
  content: string;
  line: number;
}

/**
 * Raw HTML is allowed in pages (they are reviewed in pull requests), but may not break the page
 * around it: a page that has any, or attributes an editor wrote (`markWrittenAttributes`), goes
 * through `sanitizeContentHtml` after rendering, and what that changed is reported with the line
 * of the raw HTML or attribute list. Other pages skip the parse: markdown-it's own output is
 * balanced and escaped. Links that open a new window get `rel="noopener"`.
 */
export function guardRawHtml(md: MarkdownIt, options: RawHtmlGuardOptions): void {
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
    const token = tokens[idx]!;
    const rel = withNoopener(attrText(token, 'target'), attrText(token, 'rel'));
    if (rel !== undefined) token.attrSet('rel', rel);
    return linkOpen ? linkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };

  md.render = (src: string, env: Parameters<MarkdownIt['render']>[1] = {}) => {
    const tokens = md.parse(src, env);
    const html = md.renderer.render(tokens, md.options, env);
    const sources = rawHtmlSources(tokens, options.lineOffset ? options.lineOffset(env) : 1);
    if (sources.length === 0) return html;
    const result = sanitizeContentHtml(html);
    const warnings = result.changes.map((change) => ({ line: lineOfSnippet(sources, change.snippet, change.context), message: change.message }));
    warnings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    for (const warning of warnings) options.onWarning?.(env, warning);
    return result.html;
  };
}

/**
 * The page's raw HTML blocks and inline tags and the attributes editors wrote, in order; the
 * build's own tokens are skipped.
 */
function rawHtmlSources(tokens: Token[], lineOffset: number): RawHtmlSource[] {
  const sources: RawHtmlSource[] = [];
  const addWritten = (token: Token, line: number) => {
    const written = writtenAttributes(token);
    if (written) sources.push({ content: written.text, line: written.line === undefined ? line : written.line + lineOffset });
  };
  for (const token of tokens) {
    const line = token.map ? token.map[0] + lineOffset : lineOffset;
    if (token.type === 'html_block') sources.push({ content: token.content, line });
    addWritten(token, line);
    if (token.type !== 'inline') continue;
    let at = line;
    for (const child of token.children ?? []) {
      addWritten(child, at);
      if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
      else if (child.type === 'html_inline' && !isGeneratedHtml(child)) {
        sources.push({ content: child.content, line: at });
        at += (child.content.match(/\n/g) ?? []).length;
      }
    }
  }
  return sources;
}

/**
 * The line of the first raw HTML holding `snippet` (any case), and `context` if given; an
 * unclosed comment's own line.
 */
function lineOfSnippet(sources: RawHtmlSource[], snippet: string, context?: string): number | undefined {
  const wanted = snippet.toLowerCase();
  for (const source of sources) {
    const text = source.content.toLowerCase();
    if (context !== undefined && !text.includes(context.toLowerCase())) continue;
    let index = text.indexOf(wanted);
    if (wanted === '<!--') {
      index = text.lastIndexOf('<!--');
      if (index < 0 || text.indexOf('-->', index + 4) >= 0) continue;
    }
    if (index >= 0) return source.line + (text.slice(0, index).match(/\n/g) ?? []).length;
    // Written as browsers still read it: `jav&#x09;ascript:`, ` JAVA SCRIPT:`.
    const lineIndex = text.split('\n').findIndex((line) => asBrowsersRead(line).includes(wanted));
    if (lineIndex >= 0) return source.line + lineIndex;
  }
  return undefined;
}

/** A line with numeric character references and `&tab;`, `&newline;`, `&colon;` decoded, then spaces and control characters left out. */
function asBrowsersRead(line: string): string {
  const named: Record<string, string> = { tab: '\t', newline: '\n', colon: ':' };
  return line
    .replace(/&#x([0-9a-f]+);?|&#(\d+);?|&(tab|newline|colon);/g, (whole, hex?: string, decimal?: string, name?: string) => {
      if (name) return named[name] ?? whole;
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020]/g, '');
}
