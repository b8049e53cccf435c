import assert from 'node:assert/strict';
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

/**
 * Every internal URL (href, src, action) on every HTML page of a built site that does not reach
 * a built file and id under `prefix`. 404.html is served at any depth, so it is checked as if
 * at a missing deep URL: its links must be site-absolute.
 */
export function brokenInternalLinks(dir: string, prefix: string): { checked: number; broken: string[] } {
  let checked = 0;
  const broken: string[] = [];
  for (const file of siteFiles(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(dir, file), 'utf8');
    for (const url of urlsIn(html)) {
      if (url.startsWith('#')) {
        checked++;
        if (!hasId(dir, file, decodeURIComponent(url.slice(1)))) broken.push(`${file}: ${url} has no such id on the page`);
        continue;
      }
      const target = resolveInSite(dir, prefix, file === '404.html' ? '/some/missing/page/' : servedPath(file), url);
      if (target.external) continue;
      checked++;
      if (!target.pathname.startsWith(prefix)) broken.push(`${file}: ${url} is outside ${prefix}`);
      else if (!target.file) broken.push(`${file}: ${url} reaches no file`);
      else if (target.fragment && target.file.endsWith('.html') && !hasId(dir, target.file, target.fragment)) {
        broken.push(`${file}: ${url} has no #${target.fragment} in ${target.file}`);
      }
    }
  }
  return { checked, broken };
}

/** The part of a page from the first `start` to the next `end`, for assertions about one region. */
export function region(html: string, start: string, end: string): string {
  const from = html.indexOf(start);
  assert.ok(from >= 0, `no ${start}`);
  return html.slice(from, html.indexOf(end, from) + end.length);
}
