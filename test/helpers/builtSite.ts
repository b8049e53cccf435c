import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file of a built site, as `/`-separated paths relative to its folder. */
export function siteFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** The URL path a built file is served at (`a/index.html` -> `/a/`), without the prefix. */
export function servedPath(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Every `href`, `src` and `action` value in a page, unescaped. */
export function urlsIn(html: string): string[] {
  return Array.from(html.matchAll(/\s(?:href|src|action)="([^"]*)"/g), (m) => m[1]!.replace(/&amp;/g, '&'));
}

/**
 * Resolves a URL found on the page at `pagePath` (served under `prefix`) to the built file it
 * reaches and its fragment, or says why it does not. External URLs give `external`.
 */
export function resolveInSite(
  dir: string,
  prefix: string,
  pagePath: string,
  url: string,
): { external: true } | { external: false; file?: string; fragment: string; pathname: string } {
  const base = new URL(`http://site.test${prefix}${pagePath.slice(1)}`);
  const target = new URL(url, base);
  if (target.origin !== base.origin) return { external: true };
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (!target.pathname.startsWith(prefix)) return { external: false, fragment, pathname: target.pathname };
  let relative = decodeURIComponent(target.pathname.slice(prefix.length));
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = path.join(dir, relative);
  const exists = existsSync(file) && statSync(file).isFile();
  return { external: false, file: exists ? relative : undefined, fragment, pathname: target.pathname };
}

/** Whether a built HTML file has an element with this id. */
export function hasId(dir: string, file: string, id: string): boolean {
  const html = readFileSync(path.join(dir, file), 'utf8');
  return Array.from(html.matchAll(/\sid="([^"]*)"/g), (m) => m[1]).includes(id.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
}

/** A built file's text. */
export function readFile(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}
