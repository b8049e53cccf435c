/** What a link in built HTML points at: a page or file (`link`) or something shown inline (`image`). */
export type RefKind = 'link' | 'image';

/** What one built HTML page offers as a target and what it links to. */
export interface HtmlScan {
  /** Every id a `#fragment` can reach: `id` on any element, `name` on `<a>`. */
  ids: Set<string>;
  /** Ids of `<h1>`…`<h6>` in page order, the candidates for suggestions. */
  headingIds: string[];
  /** Each distinct URL the page references, as written in the attribute (entities decoded). */
  refs: Map<string, RefKind>;
  /** The URL of a `<meta http-equiv="refresh">` redirect stub. */
  redirectTo?: string;
}

// A start tag with its attributes (quoted values may hold `>`), or a comment to skip.
const TAG = /<!--[\s\S]*?-->|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
// Elements whose text is not markup: nothing inside them is a link.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'template']);

/** Attributes holding a URL, by element (lowercase). */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  object: ['data'],
  form: ['action'],
};
const IMAGE_ELEMENTS = new Set(['img', 'source', 'video', 'picture']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Reads the links and ids of one built page in a single pass with regular expressions: the
 * output is our own well-formed HTML, and a full parser would cost several times as much on a
 * site of thousands of pages. `keep` is applied to every value kept (see `scanSite`).
 */
export function scanHtml(html: string, keep: (text: string) => string = (text) => text): HtmlScan {
  const scan: HtmlScan = { ids: new Set(), headingIds: [], refs: new Map() };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const rawName = match[1];
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    const attributes = match[2] ?? '';
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = TAG.lastIndex;
      if (close.exec(html)) TAG.lastIndex = close.lastIndex - name.length - 2;
    }
    // Most tags (`<li>`, `<p class=…>`) carry nothing we need: skip them without parsing.
    const urlAttributes = URL_ATTRIBUTES[name];
    if (!urlAttributes && name !== 'meta' && !attributes.includes('id=')) continue;
    readTag(name, attributes, urlAttributes, scan, keep);
  }
  // Headings the page links to itself (anchor links, table of contents) are its sections;
  // the others (the title, "On this page") make poor suggestions.
  scan.headingIds = scan.headingIds.filter((id) => scan.refs.has(`#${id}`));
  return scan;
}

function readTag(name: string, attributes: string, urlAttributes: readonly string[] | undefined, scan: HtmlScan, keep: (text: string) => string): void {
  let httpEquivRefresh = false;
  let content: string | undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
    const attribute = match[1]!.toLowerCase();
    const raw = match[2] ?? match[3] ?? match[4];
    if (raw === undefined) continue;
    const value = keep(decodeEntities(raw));
    if (attribute === 'id' || (attribute === 'name' && name === 'a')) {
      if (value !== '') {
        scan.ids.add(value);
        if (attribute === 'id' && HEADINGS.has(name)) scan.headingIds.push(value);
      }
    } else if (urlAttributes?.includes(attribute)) {
      const kind: RefKind = IMAGE_ELEMENTS.has(name) ? 'image' : 'link';
      if (attribute === 'srcset') for (const url of srcsetUrls(value)) addRef(scan, url, kind);
      else addRef(scan, value.trim(), kind);
    } else if (name === 'meta') {
      if (attribute === 'http-equiv' && value.toLowerCase() === 'refresh') httpEquivRefresh = true;
      else if (attribute === 'content') content = value;
    }
  }
  if (httpEquivRefresh && content !== undefined) {
    const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1]?.trim();
    if (target) {
      scan.redirectTo = target;
      addRef(scan, target, 'link');
    }
  }
}

function addRef(scan: HtmlScan, url: string, kind: RefKind): void {
  if (!scan.refs.has(url)) scan.refs.set(url, kind);
}

/** The URLs of a `srcset` (`a.png 1x, b.png 480w`), read as the HTML standard reads them. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at++;
    const start = at;
    while (at < srcset.length && !/\s/.test(srcset[at]!)) at++;
    let url = srcset.slice(start, at);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (at < srcset.length && srcset[at] !== ',') at++; // descriptors
    if (url !== '') urls.push(url);
  }
  return urls;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an attribute value may hold (`&amp;`, `&#39;`, `&#x2F;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}
