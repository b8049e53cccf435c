import { defaultTreeAdapter, ErrorCodes, html as parse5Html, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { escapeHtml } from '../markdown/escapeHtml.ts';
import { clobberingReason } from './domClobbering.ts';
import { withNoopener } from './linkRel.ts';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

/** One thing the build changed in a page's raw HTML, for a warning to the editor. */
export interface RawHtmlChange {
  /** Text as the editor would have written it (`<script`, `onclick=`), to find the line. */
  snippet: string;
  /** Other text the same raw HTML holds (the attribute's name), to tell two lines with the snippet apart. */
  context?: string;
  message: string;
}

type Report = (snippet: string, message: string, context?: string) => void;

/**
 * Elements left out with everything inside: the Content-Security-Policy would block them in
 * readers' browsers anyway, or they belong in the page head, which the layout writes.
 */
const REMOVED_ELEMENTS: Record<string, string> = {
  script: 'the Content-Security-Policy lets no page script run',
  noscript: 'the site works without scripts, so it would only show stray text',
  style: 'the Content-Security-Policy blocks inline styles; use a class from the site stylesheet',
  link: 'stylesheets and other linked resources belong to the layout',
  iframe: 'the Content-Security-Policy blocks embedded pages; link to the page instead',
  frame: 'the Content-Security-Policy blocks embedded pages; link to the page instead',
  frameset: 'the Content-Security-Policy blocks embedded pages; link to the page instead',
  object: 'the Content-Security-Policy blocks embedded objects; link to the file instead',
  embed: 'the Content-Security-Policy blocks embedded objects; link to the file instead',
  base: 'it would change where every link on the page points',
  meta: 'it belongs in the page head, which the layout writes',
  title: 'the page title comes from the front matter `title`',
  template: 'a template shows nothing to readers',
};

/** Elements whose text runs to the end of the document (`<plaintext>`) or that are obsolete. */
const SHOWN_AS_PRE = new Set(['plaintext', 'xmp', 'listing']);

/** Landmarks only the layout may create: one banner, one main, one contentinfo per page. */
const LAYOUT_LANDMARK_ROLES = new Set(['main', 'banner', 'contentinfo']);

/**
 * Attributes that hold a URL a browser would follow or load, by qualified name (parse5 names
 * SVG's `xlink:href` `href`, with the prefix apart). SVG animation's `from`, `to`, `by` and
 * `values` are here too, though animations of these attributes are removed whole.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'xml:base', 'poster', 'background', 'cite', 'data', 'from', 'to', 'by', 'values']);

/**
 * SVG animation elements: each sets another attribute of its target over time, which no check
 * of its own attributes can follow (`values="x;javascript:alert(1)"`), so one that sets an
 * attribute the guard leaves out is left out.
 */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatetransform', 'animatemotion', 'animatecolor', 'discard']);

/** Deeper raw HTML is flattened: it keeps the serializer (and readers' browsers) off a cliff. */
export const MAX_RAW_HTML_DEPTH = 200;

/**
 * Makes a page's rendered HTML safe to place inside the layout's `<article>`: the HTML is parsed
 * as browsers parse it (parse5 follows the WHATWG algorithm) as the content of an `<article>`,
 * so unclosed elements are closed, stray end tags (`</main>`, `</div>`) are dropped and an
 * unclosed `<!--` ends with the content instead of swallowing the rest of the page. What could
 * still break the page frame, or what the Content-Security-Policy would block anyway (scripts,
 * inline styles and event handlers, `javascript:` URLs), is removed and reported.
 */
export function sanitizeContentHtml(html: string): { html: string; changes: RawHtmlChange[] } {
  const changes = new Map<string, RawHtmlChange>();
  const report: Report = (snippet, message, context) => {
    if (!changes.has(message)) changes.set(message, context === undefined ? { snippet, message } : { snippet, context, message });
  };
  // Serialized HTML does not always parse back into the tree it came from (a `<div>` inside
  // `<math>` leaves it, and its end tags then close the layout's elements), so the result is
  // parsed again until it comes out as it went in (HTML that already does needs one pass). Two
  // passes settle every other case we know of.
  let clean = html;
  for (let pass = 0; pass < MAX_SANITIZE_PASSES; pass++) {
    const next = sanitizeOnce(clean, report);
    if (next === clean) return { html: clean, changes: [...changes.values()] };
    clean = next;
  }
  report(html.slice(0, 40), 'this raw HTML could not be made safe to place in the page (it parses differently each time), so it is shown as text; simplify its nesting.');
  return { html: `<pre>${escapeHtml(html)}</pre>`, changes: [...changes.values()] };
}

const MAX_SANITIZE_PASSES = 4;

function sanitizeOnce(html: string, report: Report): string {
  const context = defaultTreeAdapter.createElement('article', parse5Html.NS.HTML, []);
  const fragment = parseFragment(context, html, {
    onParseError: (error) => {
      if (error.code === ErrorCodes.eofInComment) {
        report('<!--', 'an HTML comment `<!--` is never closed, so it hides the rest of the page; close it with `-->`.');
      }
    },
  });
  cleanTree(fragment, report);
  return serialize(fragment);
}

function cleanTree(root: ParentNode, report: Report): void {
  // Iterative walk: raw HTML can be nested deeper than the call stack allows.
  const stack: { parent: ParentNode; depth: number }[] = [{ parent: root, depth: 0 }];
  while (stack.length > 0) {
    const { parent, depth } = stack.pop()!;
    const children = parent.childNodes;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (!isElement(node)) continue;
      const name = node.tagName;
      const removal = REMOVED_ELEMENTS[name];
      if (removal !== undefined) {
        children.splice(i--, 1);
        report(`<${name}`, `raw HTML \`<${name}>\` was left out: ${removal}.`);
        continue;
      }
      const animated = ANIMATION_ELEMENTS.has(name.toLowerCase()) ? animatedAttribute(node) : undefined;
      if (animated !== undefined && isGuardedAttributeName(animated)) {
        children.splice(i--, 1);
        report(`<${name}`, `an SVG \`<${name}>\` that changes \`${animated}\` was left out: an animation can give an attribute a value the build would leave out, such as a \`javascript:\` link.`);
        continue;
      }
      if (depth >= MAX_RAW_HTML_DEPTH) {
        // Unwrap: the children take the element's place and are looked at again.
        for (const child of node.childNodes) child.parentNode = parent;
        children.splice(i--, 1, ...node.childNodes);
        report(`<${name}`, `raw HTML nested more than ${MAX_RAW_HTML_DEPTH} levels deep was flattened.`);
        continue;
      }
      if (name === 'main') {
        rename(node, 'div');
        report('<main', 'raw HTML `<main>` became a `<div>`: the layout already has the one `<main>` of the page.');
      } else if (SHOWN_AS_PRE.has(name)) {
        rename(node, 'pre');
        report(`<${name}`, `raw HTML \`<${name}>\` became a \`<pre>\`.`);
      }
      cleanAttributes(node, report);
      stack.push({ parent: node, depth: depth + 1 });
    }
  }
}

function cleanAttributes(element: Element, report: Report): void {
  const tag = element.tagName;
  element.attrs = element.attrs.filter((attribute) => {
    const name = attribute.name.toLowerCase();
    const qualifiedName = attribute.prefix ? `${attribute.prefix}:${name}` : name;
    if (name.startsWith('on')) {
      report(`${name}=`, `the \`${name}\` attribute was left out: the Content-Security-Policy blocks inline event handlers.`);
      return false;
    }
    if (name === 'style') {
      report('style=', 'a `style` attribute was left out: the Content-Security-Policy blocks inline styles; use a class from the site stylesheet.');
      return false;
    }
    if (name === 'srcdoc') {
      report('srcdoc=', 'a `srcdoc` attribute was left out.');
      return false;
    }
    if (URL_ATTRIBUTES.has(name) || URL_ATTRIBUTES.has(qualifiedName)) {
      const scheme = unsafeScheme(attribute.value, tag === 'img' && name === 'src');
      if (scheme) {
        report(`${scheme}:`, `a \`${scheme}:\` URL in \`<${tag} ${name}>\` was left out: such links run code or hide content.`, name);
        return false;
      }
      if (tag === 'use' && name === 'href' && isOffSite(attribute.value)) {
        report('<use', 'an SVG `<use>` of another site\'s file was left out: browsers load no other site\'s SVG into a page, so it would show nothing; save the SVG beside the page.');
        return false;
      }
    }
    if (name === 'name' || name === 'id') {
      const reason = clobberingReason(tag, name, attribute.value);
      if (reason) {
        report(attribute.value, `\`${name}="${attribute.value}"\` on \`<${tag}>\` was left out: ${reason}; choose another ${name}.`);
        return false;
      }
    }
    if (name === 'role' && LAYOUT_LANDMARK_ROLES.has(attribute.value.trim().toLowerCase())) {
      report('role=', `\`role="${attribute.value.trim()}"\` was left out: only the layout marks the page's ${attribute.value.trim()} region.`);
      return false;
    }
    if (name === 'autofocus') {
      report('autofocus', 'an `autofocus` attribute was left out: it moves keyboard and screen reader users away from the top of the page.');
      return false;
    }
    if (name === 'tabindex' && Number(attribute.value) > 0) {
      report('tabindex=', 'a positive `tabindex` was left out: it makes the keyboard order differ from the reading order.');
      return false;
    }
    return true;
  });
  const target = element.attrs.find((a) => a.name === 'target');
  if (target) {
    const rel = element.attrs.find((a) => a.name === 'rel');
    const value = withNoopener(target.value, rel?.value);
    if (rel) rel.value = value ?? rel.value;
    else if (value !== undefined) element.attrs.push({ name: 'rel', value });
  }
}

/**
 * `javascript:`, `vbscript:` or `data:` at the start of a URL, read as browsers read it (they
 * ignore spaces and control characters in the scheme); `data:image/…` is allowed for images,
 * as markdown-it allows it in `![]()`.
 */
export function unsafeScheme(url: string, isImage = false): string | undefined {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const match = /^(javascript|vbscript|data):/.exec(compact);
  if (!match) return undefined;
  if (match[1] === 'data' && isImage && /^data:image\/(gif|png|jpeg|webp);/.test(compact)) return undefined;
  return match[1];
}

/** What an SVG animation element changes: its `attributeName`, lowercased ('' when it names none). */
function animatedAttribute(element: Element): string {
  const attribute = element.attrs.find((a) => a.name.toLowerCase() === 'attributename');
  return (attribute?.value ?? '').trim().toLowerCase();
}

/** An attribute the guard checks or leaves out, which an animation must not change either. */
function isGuardedAttributeName(name: string): boolean {
  const local = name.slice(name.indexOf(':') + 1);
  return name.startsWith('on') || local === 'style' || local === 'srcdoc' || URL_ATTRIBUTES.has(name) || URL_ATTRIBUTES.has(local);
}

/** A URL with a scheme (`https:`) or a host (`//x`): not this site's. */
function isOffSite(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020]/g, '');
  return compact.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(compact);
}

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

function rename(element: Element, tagName: string): void {
  element.tagName = tagName;
  element.nodeName = tagName;
}
