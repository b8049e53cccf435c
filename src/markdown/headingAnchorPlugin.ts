import type { MarkdownIt, StateCore } from 'markdown-it';
import { escapeHtml } from './escapeHtml.ts';
import { generatedHtmlToken } from './generatedHtml.ts';
import { attrText, inlineText } from './tokenText.ts';

/**
 * A link to the heading follows each heading's text (`<a class="heading-anchor" href="#id">`),
 * for readers to copy; CSS shows it on hover and focus. Runs after the heading ids are set.
 */
export function headingAnchorPlugin(md: MarkdownIt): void {
  md.core.ruler.push('guidebook_heading_anchor', appendHeadingAnchors);
}

function appendHeadingAnchors(state: StateCore): void {
  const { tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const id = token.type === 'heading_open' ? attrText(token, 'id') : undefined;
    if (id === undefined) continue;
    const inline = tokens[i + 1]!;
    const label = `Link to this section: ${escapeHtml(inlineText(inline).trim())}`;
    const anchor = generatedHtmlToken(state, ` <a class="heading-anchor" href="#${escapeHtml(id)}" aria-label="${label}">#</a>`);
    inline.children = [...(inline.children ?? []), anchor];
  }
}
