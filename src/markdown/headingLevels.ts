import type { MarkdownIt, Token } from 'markdown-it';

/**
 * Heading levels as an outline: the layout's `<h1>` is the page title, so the page's top
 * headings become `<h2>`, and a heading is never more than one level below the heading it sits
 * under. `### Django` directly under the title becomes an `<h2>`; `## A` then `#### B` becomes
 * h2 then h3. Screen reader users navigate by these levels; a skipped level reads as a missing
 * section (WCAG 1.3.1, axe's heading-order). The hierarchy the editor wrote is kept.
 */
export function normalizeHeadingLevels(tokens: Token[]): void {
  // Headings still open above the current one: the level written and the level given.
  const open: { written: number; given: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open') continue;
    const written = Number(token.tag.slice(1));
    while (open.length > 0 && open[open.length - 1]!.written >= written) open.pop();
    const given = Math.min(6, open.length === 0 ? 2 : open[open.length - 1]!.given + 1);
    open.push({ written, given });
    token.tag = `h${given}`;
    // The closing token follows the heading's inline content (markdown-it: open, inline, close).
    let close = i + 1;
    while (close < tokens.length && tokens[close]!.type !== 'heading_close') close++;
    if (close < tokens.length) tokens[close]!.tag = token.tag;
  }
}

/** The outline levels as a markdown-it core rule: runs before the page facts record the headings, so the table of contents agrees. */
export function outlineHeadingLevelsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('guidebook_heading_levels', (state) => normalizeHeadingLevels(state.tokens));
}
