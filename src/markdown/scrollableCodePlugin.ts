import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from './escapeHtml.ts';

/**
 * Code blocks scroll sideways on phones, and a scrolling region must be reachable by keyboard:
 * fenced and indented code render as `<pre tabindex="0">`. Fences keep markdown-it's rendering
 * (and the build-time highlighting, ./highlight.ts).
 */
export function scrollableCodePlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, opts, env, self) => fence(tokens, idx, opts, env, self).replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.code_block = (tokens, idx) => `<pre tabindex="0"><code>${escapeHtml(tokens[idx]!.content)}</code></pre>\n`;
}
