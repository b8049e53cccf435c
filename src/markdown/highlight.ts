import hljs from 'highlight.js/lib/common';

/**
 * Highlights a fenced code block at build time, so no highlighting script ships to readers.
 * Unknown or missing languages return '' and markdown-it escapes the code as plain text.
 */
export function highlightCode(code: string, language: string): string {
  const name = language.trim().toLowerCase();
  if (!name || !hljs.getLanguage(name)) return '';
  try {
    return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return '';
  }
}
