// Reading a built site the way the checks over "every page" need it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

export interface BuiltPage {
  /** Path inside the output folder, with `/` (`security/frameworks/index.html`). */
  file: string;
  /** Site-relative URL the page is served at (`/security/frameworks/`, `/404.html`). */
  url: string;
  html: string;
}

/** Every HTML page of a built site, sorted by path. */
export function builtPages(outputDir: string): BuiltPage[] {
  const files = (readdirSync(outputDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
  return files.map((file) => ({
    file,
    url: `/${file.replace(/(^|\/)index\.html$/, '$1')}`,
    html: readFileSync(path.join(outputDir, file), 'utf8'),
  }));
}

/** All elements of a parsed page, in document order (iterative: content can nest deeply). */
export function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [parse(html)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('tagName' in node) found.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    const content = (node as { content?: Node }).content;
    if (content) stack.push(content);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return found;
}

export function attrOf(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function textOf(element: Element): string {
  let text = '';
  const stack: Node[] = [...element.childNodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text;
}
