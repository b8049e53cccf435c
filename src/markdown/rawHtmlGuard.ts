import type { MarkdownIt, Token } from 'markdown-it';
import { withNoopener } from '../security/linkRel.ts';
import { sanitizeContentHtml } from '../security/rawHtml.ts';

export interface RawHtmlGuardOptions {
  /** Line of the Markdown file on which the rendered text starts (after front matter). */
  lineOffset?: (env: unknown) => number;
  onWarning?: (env: unknown, warning: { line?: number; message: string }) => void;
}

/** Raw HTML as the editor wrote it, with the file line it starts on. */
interface RawHtmlSource {
  content: string;
  line: number;
}

/**
 * Raw HTML is allowed in pages (they are reviewed in pull requests), but may not break the page
 * around it: a page that has any goes through `sanitizeContentHtml` after rendering, and what
 * that changed is reported with the line of the raw HTML. Pages without raw HTML skip the
 * parse: markdown-it's own output is balanced and escaped. Links that open a new window get
 * `rel="noopener"`.
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
    const warnings = result.changes.map((change) => ({ line: lineOfSnippet(sources, change.snippet), message: change.message }));
    warnings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    for (const warning of warnings) options.onWarning?.(env, warning);
    return result.html;
  };
}

function attrText(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

/** The page's raw HTML blocks and inline tags, in order; the build's own tokens are skipped. */
function rawHtmlSources(tokens: Token[], lineOffset: number): RawHtmlSource[] {
  const sources: RawHtmlSource[] = [];
  for (const token of tokens) {
    const line = token.map ? token.map[0] + lineOffset : lineOffset;
    if (token.type === 'html_block') sources.push({ content: token.content, line });
    if (token.type !== 'inline') continue;
    let at = line;
    for (const child of token.children ?? []) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') at++;
      else if (child.type === 'html_inline' && !child.meta?.generated) {
        sources.push({ content: child.content, line: at });
        at += (child.content.match(/\n/g) ?? []).length;
      }
    }
  }
  return sources;
}

/** The line of the first raw HTML holding `snippet` (any case); an unclosed comment's own line. */
function lineOfSnippet(sources: RawHtmlSource[], snippet: string): number | undefined {
  const wanted = snippet.toLowerCase();
  for (const source of sources) {
    const text = source.content.toLowerCase();
    let index = text.indexOf(wanted);
    if (wanted === '<!--') {
      index = text.lastIndexOf('<!--');
      if (index < 0 || text.indexOf('-->', index + 4) >= 0) continue;
    }
    if (index < 0) continue;
    return source.line + (text.slice(0, index).match(/\n/g) ?? []).length;
  }
  return undefined;
}
