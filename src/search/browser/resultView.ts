// How a result looks, in the header box's list and on the results page alike: as text, with
// the matched words marked.
import type { Segments } from './highlight.ts';
import type { ResultItem } from './results.ts';

/** A new element with a class and its text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function appendSegments(parent: HTMLElement, segments: Segments): HTMLElement {
  for (const [text, marked] of segments) parent.append(marked ? element('mark', undefined, text) : text);
  return parent;
}

/** The three lines of a result: what matched (section heading or page title), where it is, an excerpt. */
export function resultParts(item: ResultItem, headline: HTMLElement): HTMLElement[] {
  appendSegments(headline, item.heading ?? item.title);
  const trail = [...item.crumbs];
  const path = element('span', 'search-result-path');
  if (item.heading) {
    path.append(trail.length ? `${trail.join(' › ')} › ` : '');
    appendSegments(path, item.title);
  } else path.textContent = trail.join(' › ');
  const parts = [headline];
  if (path.textContent) parts.push(path);
  const text = appendSegments(element('span', 'search-result-excerpt'), item.excerpt);
  if (text.textContent) parts.push(text);
  return parts;
}

/** What the status line says: how many results, and whether they are for words close to the query. */
export function countText(total: number, query: string, fuzzy: boolean): string {
  if (total === 0) return `No results for “${query.trim()}”.`;
  const count = `${total} result${total === 1 ? '' : 's'}`;
  return fuzzy ? `${count} for words close to “${query.trim()}”.` : `${count}.`;
}
