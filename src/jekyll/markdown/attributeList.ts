import type { Token } from 'markdown-it';
import { markWrittenAttributes } from '../../markdown/rawHtmlGuard.ts';

/** Attributes written in a kramdown attribute list: `{: .class #id key="value"}`. */
export interface AttributeList {
  classes: string[];
  id?: string;
  attributes: [string, string][];
  /** Bare words: references to attribute list definitions, or `toc`. */
  references: string[];
}

const PART = /\.([\w-]+)|#([\w:.-]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s}]*))|([A-Za-z_][\w-]*)/g;

/** The inside of `{: …}` (without braces and colon). */
export function parseAttributeList(inside: string): AttributeList {
  const list: AttributeList = { classes: [], attributes: [], references: [] };
  for (const match of inside.matchAll(PART)) {
    if (match[1]) list.classes.push(match[1]);
    else if (match[2]) list.id = match[2];
    else if (match[3]) list.attributes.push([match[3], match[4] ?? match[5] ?? match[6] ?? '']);
    else if (match[7]) list.references.push(match[7]);
  }
  return list;
}

/** An attribute list alone: `{: …}`, `{:…}` or `{#id}`; returns its inside. */
export const IAL = /^\{:\s*([^}]*)\}$|^\{(#[^}\s]*)\}$/;
/** An attribute list at the end of a text. */
export const TRAILING_IAL = /\s*(\{:\s*[^}]*\}|\{#[\w:.-]+\})\s*$/;
/** A list definition (`{:ref: .class}`): it only names attributes for later lists. */
export const ALD = /^\{:[\w-]+:[^}]*\}$/;

export function insideOf(ial: string): string {
  const match = IAL.exec(ial.trim());
  return match ? (match[1] ?? match[2] ?? '') : '';
}

/**
 * Sets the list's attributes on `token`. An id or `key="value"` is as free as an attribute in
 * raw HTML (`href="javascript:…"`, `style`, `onclick`, a clobbering `id`), so the token is
 * marked and the page goes through the raw HTML guard (src/security/rawHtml.ts), which leaves
 * out, and reports, what it leaves out of raw HTML. Classes (letters, digits, `-`, `_`) need no check.
 * `written` is the list as the editor wrote it, `line` its 0-based line in the rendered Markdown
 * (omitted for a span's list: the guard counts the lines of its paragraph).
 */
export function applyAttributes(token: Token, list: AttributeList, written: string, line?: number): void {
  if (list.id) token.attrSet('id', list.id);
  if (list.classes.length > 0) {
    const existing = token.attrGet('class');
    token.attrSet('class', [existing, ...list.classes].filter(Boolean).join(' '));
  }
  for (const [name, value] of list.attributes) token.attrSet(name, value);
  if (list.id || list.attributes.length > 0) markWrittenAttributes(token, written, line);
}

export function isEmpty(list: AttributeList): boolean {
  return !list.id && list.classes.length === 0 && list.attributes.length === 0;
}
