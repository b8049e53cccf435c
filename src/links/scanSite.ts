import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanHtml, type HtmlScan, type RefKind } from './scanHtml.ts';
import { addTarget, type SiteTargets } from './siteTargets.ts';

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
}

const HTML_FILE = /\.html?$/i;
const YIELD_EVERY = 250;

/**
 * Reads a built site once. A one-off build hands it each page as Eleventy writes it
 * (`addPage`), so that at the end only the files written otherwise are read from disk.
 */
export class SiteScanner {
  private readonly added = new Map<string, HtmlScan>();
  private readonly keep = stringPool();

  /** A page as it is written: its site path (`/guide/index.html`) and its HTML. */
  addPage(sitePath: string, html: string): ScannedPage {
    const scan = scanHtml(html, this.keep);
    this.added.set(sitePath, scan);
    return { path: sitePath, refs: scan.refs };
  }

  /** Every file of the site as a target; every HTML page scanned (read from disk unless added). */
  async scan(siteDir: string): Promise<SiteScan> {
    const targets: SiteTargets = new Map();
    const htmlFiles: string[] = [];
    for (const sitePath of listFiles(siteDir)) {
      if (HTML_FILE.test(sitePath)) htmlFiles.push(sitePath);
      else addTarget(targets, { path: sitePath });
    }
    const pages: ScannedPage[] = [];
    let read = 0;
    for (const sitePath of htmlFiles) {
      let scan = this.added.get(sitePath);
      if (!scan) {
        // Reading synchronously is several times faster than fs/promises for many small files
        // already in the page cache; yielding now and then keeps a dev server responsive.
        if (++read % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        scan = scanHtml(readFileSync(path.join(siteDir, sitePath), 'utf8'), this.keep);
      }
      addTarget(targets, { path: sitePath, ids: scan.ids, headingIds: scan.headingIds, redirectTo: scan.redirectTo });
      pages.push({ path: sitePath, refs: scan.refs });
    }
    return { targets, pages };
  }
}

/** Reads a built site: every file becomes a target, every HTML page is scanned for its ids and links. */
export function scanSite(siteDir: string): Promise<SiteScan> {
  return new SiteScanner().scan(siteDir);
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
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative.startsWith('.staging-')) continue;
    files.push(`/${relative}`);
  }
  return files.sort();
}
