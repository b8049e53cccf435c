import type { MarkdownIt, StateCore } from 'markdown-it';
import { HeadingIdAllocator } from './headingIds.ts';
import { attrText, inlineText } from './tokenText.ts';

/**
 * Every heading gets an id as GitHub makes them (`## Python` -> `python`, the next `python-1`;
 * see ./headingIds.ts). Ids an author set explicitly (`{#id}` in Jekyll mode, set by a plugin
 * whose rule runs first) are claimed before any is made, so no made id takes one.
 */
export function headingIdsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('guidebook_heading_ids', assignHeadingIds);
}

function assignHeadingIds(state: StateCore): void {
  const { tokens } = state;
  const ids = new HeadingIdAllocator();
  for (const token of tokens) {
    if (token.type !== 'heading_open') continue;
    const explicit = attrText(token, 'id');
    if (explicit) ids.claim(explicit);
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // markdown-it's heading is three tokens: open, inline (the text), close.
    if (token.type === 'heading_open' && attrText(token, 'id') === undefined) token.attrSet('id', ids.allocate(inlineText(tokens[i + 1]!).trim()));
  }
}
