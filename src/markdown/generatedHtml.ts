import type { StateCore, Token } from 'markdown-it';

/**
 * HTML the build adds to a page (the heading anchor link) rather than the editor: the raw HTML
 * guard does not report on it, and the page facts do not count it as the page's raw HTML.
 */
export function generatedHtmlToken(state: StateCore, content: string): Token {
  const token = new state.Token('html_inline', '', 0);
  token.meta = { generated: true };
  token.content = content;
  return token;
}

export function isGeneratedHtml(token: Token): boolean {
  return (token.meta as { generated?: boolean } | null)?.generated === true;
}
