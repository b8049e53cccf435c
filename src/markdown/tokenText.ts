import type { Token } from 'markdown-it';

/** markdown-it types attributes as string | number; ours are always text. */
export function attrText(token: Token, name: string): string | undefined {
  const value = token.attrGet(name);
  return value === null ? undefined : String(value);
}

/**
 * The plain text of an inline token (a heading's, a paragraph's): text, inline code and image
 * alt text, a line break as a space. Raw HTML and the build's own tokens add nothing.
 */
export function inlineText(token: Token): string {
  let text = '';
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += child.content;
  }
  return text;
}

/** The 1-based file line of a token, given the file line the rendered Markdown starts on. */
export function fileLineOf(token: Token, lineOffset: number): number {
  return token.map ? token.map[0] + lineOffset : lineOffset;
}
