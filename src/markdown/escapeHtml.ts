const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const EVERY_SPECIAL = /[&<>"']/g;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most labels and URLs have nothing to escape; testing first skips `replace`'s copy, which
  // cost a fifth of a second over the navigation of 10,000 pages.
  return SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => HTML_ESCAPES[c]!) : text;
}
