import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanHtml, type HtmlScan, type RefKind } from './scanHtml.ts';
import { addTarget, type LinkTarget, type SiteTargets } from './siteTargets.ts';

/** One built HTML page and what it links to. */
export interface ScannedPage {
  /** Site path of the file, without the path prefix: `/guide/index.html`. */
  path: string;
  refs: Map<string, RefKind>;
}

/** The built output read once: every file as a target, every HTML page's links. */
export interface SiteScan {
  targets: SiteTargets;
  pages: ScannedPage[];
  /** Site paths of the pages taken from the renderer's record rather than read. */
  recorded: Set<string>;
}

const HTML_FILE = /\.html?$/i;
const YIELD_EVERY = 250;

/**
 * Reads a built site: every file becomes a target, every HTML page is scanned for its ids and
 * links, unless `recorded` knows them already (see `LinkSources.recordedPage`).
 */
export async function scanSite(siteDir: string, recorded?: (sitePath: string) => HtmlScan | undefined): Promise<SiteScan> {
  const targets: SiteTargets = new Map();
  const htmlFiles: string[] = [];
  for (const sitePath of listFiles(siteDir)) {
    if (HTML_FILE.test(sitePath)) htmlFiles.push(sitePath);
    else addTarget(targets, { path: sitePath });
  }
  const site: SiteScan = { targets, pages: [], recorded: new Set() };
  const keep = stringPool();
  for (const [index, sitePath] of htmlFiles.entries()) {
    // Reading synchronously is several times faster than fs/promises for many small files
    // already in the page cache; yielding now and then keeps a dev server responsive.
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const known = recorded?.(sitePath);
    if (known) site.recorded.add(sitePath);
    const scan = known ?? scanHtml(readFileSync(path.join(siteDir, sitePath), 'utf8'), keep);
    addPageTarget(targets, sitePath, scan);
    site.pages.push({ path: sitePath, refs: scan.refs });
  }
  return site;
}

/**
 * The target at a site path as its built file shows it. A page taken from the record is read
 * now, for the ids its layout adds (`#mainContent`), which the record lacks.
 */
export function builtTarget(site: SiteScan, siteDir: string, sitePath: string): LinkTarget | undefined {
  if (site.recorded.delete(sitePath)) addPageTarget(site.targets, sitePath, scanHtml(readFileSync(path.join(siteDir, sitePath), 'utf8')));
  return site.targets.get(sitePath);
}

function addPageTarget(targets: SiteTargets, sitePath: string, scan: HtmlScan): void {
  addTarget(targets, { path: sitePath, ids: scan.ids, headingIds: scan.headingIds, redirectTo: scan.redirectTo });
}

/**
 * One copy of each distinct href and id over the whole site. A value cut from a page's HTML
 * would otherwise keep that whole page in memory (V8 slices share their parent string), and
 * the navigation's hrefs repeat on every page.
 */
function stringPool(): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    let kept = pool.get(text);
    if (kept === undefined) {
      // Concatenating and slicing again makes a string of its own, detached from the page.
      kept = `${text} `.slice(0, -1);
      pool.set(kept, kept);
    }
    return kept;
  };
}

/** Every file under `dir` as a site path (`/a/index.html`), the build's staging folder left out. */
function listFiles(dir: string): string[] {
  const base = path.resolve(dir);
  const entries = readdirSync(base, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  // Each entry's folder is `base` or below it: cutting `base` off is all `path.relative` would
  // do, at a tenth of the cost over the 20,000 entries of a large site.
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const folder = entry.parentPath === base ? '' : `${entry.parentPath.slice(base.length + 1)}${path.sep}`;
    const relative = (folder + entry.name).split(path.sep).join('/');
    if (relative.startsWith('.staging-')) continue;
    files.push(`/${relative}`);
  }
  return files.sort();
}
