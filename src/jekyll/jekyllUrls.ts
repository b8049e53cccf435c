import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';
import { permalinkFault, type PermalinkFault } from '../content/pageUrl.ts';
import type { JekyllCollection, JekyllConfig } from './jekyllConfig.ts';
import { decodeURIComponentSafe } from '../urls/sitePaths.ts';

/**
 * URLs as Jekyll made them. Pages we write always end in `/` or in a file extension: a
 * permalink `/ato` (which Jekyll wrote as `ato.html`, served at `/ato`) is written as `/ato/`,
 * which static hosts serve at `/ato` too.
 */

/** Whether the site's `permalink:` style gives pages folder URLs (`/about/`) or `.html` files. */
export function isPrettyStyle(permalink: string): boolean {
  return permalink === 'pretty' || (permalink.startsWith('/') && permalink.endsWith('/'));
}

/** Jekyll's default template for a collection's documents under the site's permalink style. */
export function collectionTemplate(collection: JekyllCollection, config: Pick<JekyllConfig, 'permalink'>): string {
  if (collection.permalink) return collection.permalink === 'pretty' ? '/:collection/:path/' : collection.permalink;
  return isPrettyStyle(config.permalink) ? '/:collection/:path/' : '/:collection/:path:output_ext';
}

export interface UrlPlaceholders {
  collection: string;
  /** Folder and name without extension, relative to the collection (or site) root. */
  path: string;
  /** File name without extension. */
  name: string;
  title: string;
  outputExt: string;
}

/** Jekyll's slug of a name: lowercase, runs of other characters one hyphen. */
export function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
}

export function fillTemplate(template: string, values: UrlPlaceholders): string {
  const filled = template
    .replace(/:collection\b/g, values.collection)
    .replace(/:output_ext\b/g, values.outputExt)
    .replace(/:path\b/g, values.path)
    .replace(/:basename\b/g, values.name)
    .replace(/:name\b/g, slugOf(values.name))
    .replace(/:slug\b/g, slugOf(values.name))
    .replace(/:title\b/g, slugOf(values.title || values.name))
    .replace(/:categories\b/g, '');
  return `/${filled}`.replace(/\/{2,}/g, '/');
}

/**
 * A URL as we write it: absolute, no `//`, `index.html` as `/`, no bare `/ato` (that is `/ato/`).
 * `.` and `..` segments are dropped, not followed, as Jekyll's URL sanitising drops them
 * (`/x/../y/` is `/x/y/`): a Jekyll page never lands outside the site or on another's address
 * that way. Unicode in NFC, as our own pages' permalinks.
 */
export function normalizePageUrl(url: string): string {
  let clean = `/${url.trim().normalize('NFC')}`
    .split('/')
    .filter((segment) => segment !== '.' && segment !== '..')
    .join('/')
    .replace(/\/{2,}/g, '/');
  clean = clean.replace(/\/index\.html?$/, '/');
  if (!clean.endsWith('/') && path.posix.extname(clean) === '') clean += '/';
  return clean;
}

/** The URL of a Markdown page outside collections (`about.md`, `docs/index.md`). */
export function pageUrlOf(relativePath: string, config: Pick<JekyllConfig, 'permalink'>): string {
  const dir = path.posix.dirname(relativePath);
  const name = path.posix.basename(relativePath).replace(/\.[^.]+$/, '');
  const folder = dir === '.' ? '' : `/${dir}`;
  if (name === 'index') return `${folder}/`;
  return isPrettyStyle(config.permalink) ? `${folder}/${name}/` : `${folder}/${name}.html`;
}

/** The URL of a document of a collection (`_pages/ato/checklist.md` -> `/ato/checklist/` under `/:path/`). */
export function documentUrlOf(pathInCollection: string, collection: JekyllCollection, config: Pick<JekyllConfig, 'permalink'>, title = ''): string {
  const withoutExt = pathInCollection.replace(/\.[^/.]+$/, '');
  return normalizePageUrl(
    fillTemplate(collectionTemplate(collection, config), {
      collection: collection.label,
      path: withoutExt,
      name: path.posix.basename(withoutExt),
      title,
      outputExt: '.html',
    }),
  );
}

/** A front matter `permalink:` (placeholders filled as for the file's own URL). */
export function frontMatterUrl(permalink: string, values: UrlPlaceholders): string {
  return normalizePageUrl(permalink.includes(':') ? fillTemplate(permalink, values) : permalink);
}

/**
 * A Jekyll page's front matter `permalink` (its raw text, before placeholders): Jekyll owns the
 * URL rules, so what it only tolerates (`..`, `.` and doubled slashes, which it drops) is a
 * warning naming the URL it gives. What would send readers to another site (a scheme, a host, a
 * back slash or a control character, also spelled as `%` escapes) is an error: the build never
 * writes a link off-site nor a file outside its output folder.
 */
export function jekyllPermalinkProblems(pages: readonly Pick<Page, 'file' | 'url' | 'data' | 'keyLines'>[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    if (typeof page.data.permalink !== 'string') continue;
    const written = page.data.permalink.trim();
    const line = page.keyLines.get('permalink');
    const fault = permalinkFault(written) ?? escapedFault(written);
    if (!fault) continue;
    if (fault.kind === 'ambiguous') {
      problems.push({
        severity: 'warning',
        file: page.file,
        line,
        message: `the \`permalink\` ${JSON.stringify(written)} has \`.\` or \`..\` segments or doubled slashes, which Jekyll drops: the page is published at ${page.url}.`,
        hint: `Write \`permalink: ${page.url}\`.`,
      });
    } else {
      problems.push({ severity: 'error', file: page.file, line, message: fault.message, hint: fault.hint });
    }
  }
  return problems;
}

/** A fault that only shows once `%` escapes are decoded (`%2e%2e`, `%5c`): browsers and servers decode them. */
function escapedFault(written: string): PermalinkFault | undefined {
  if (!written.includes('%')) return undefined;
  const fault = permalinkFault(decodeURIComponentSafe(written));
  return fault && { ...fault, kind: fault.kind === 'ambiguous' ? 'unsafe' : fault.kind, message: `${fault.message.replace(/\.$/, '')}, once its \`%\` escapes are decoded.` };
}

/** Where a static file is published: its path, or inside a collection the collection's template with its extension. */
export function staticFileUrlOf(relativePath: string, collection: JekyllCollection | undefined, config: Pick<JekyllConfig, 'permalink'>): string {
  if (!collection) return `/${relativePath}`;
  const inCollection = relativePath.slice(collection.dir.length + 1);
  const ext = path.posix.extname(inCollection);
  const withoutExt = inCollection.slice(0, inCollection.length - ext.length);
  const template = collectionTemplate(collection, config);
  const filled = fillTemplate(template, { collection: collection.label, path: withoutExt, name: path.posix.basename(withoutExt), title: '', outputExt: ext });
  return template.includes(':output_ext') ? filled : `${filled.replace(/\/+$/, '')}${ext}`;
}

/**
 * Finds what an URL path names the way a static host does: `/ato`, `/ato/` and
 * `/ato/index.html` name the same page; so do `/about` and `/about.html` (GitHub Pages).
 */
export class UrlIndex<T> {
  private readonly byKey = new Map<string, T>();

  static key(url: string): string {
    return decodeURIComponentSafe(url.split(/[?#]/)[0]!).replace(/\/{2,}/g, '/');
  }

  /** Registers a target; returns what was there already under that URL. */
  add(url: string, target: T): T | undefined {
    const key = UrlIndex.key(url);
    const before = this.byKey.get(key);
    if (before === undefined) this.byKey.set(key, target);
    return before;
  }

  get(url: string): T | undefined {
    const key = UrlIndex.key(url.startsWith('/') ? url : `/${url}`);
    const candidates = [key];
    if (key.endsWith('/')) candidates.push(`${key}index.html`, `${key.slice(0, -1)}.html`);
    else if (key.endsWith('/index.html')) candidates.push(key.slice(0, -'index.html'.length));
    else if (key.endsWith('.html')) candidates.push(`${key.slice(0, -5)}/`);
    else candidates.push(`${key}/`, `${key}.html`);
    for (const candidate of candidates) {
      const found = this.byKey.get(candidate);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  urls(): string[] {
    return [...this.byKey.keys()];
  }
}

/** Resolves `href` (relative, site-absolute or with the baseurl) against the page at `fromUrl`: a site path, or undefined for other sites. */
export function resolveSitePath(href: string, fromUrl: string, baseurl: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return fromUrl;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(trimmed)) return undefined;
  const resolved = new URL(trimmed, `http://site.invalid${fromUrl}`).pathname;
  if (baseurl && (resolved === baseurl || resolved.startsWith(`${baseurl}/`))) return resolved.slice(baseurl.length) || '/';
  return resolved;
}
