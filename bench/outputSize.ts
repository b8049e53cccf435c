import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface OutputSize {
  totalBytes: number;
  files: number;
  /** HTML pages made from the corpus (the generator's own pages, like the 404, left out). */
  pages: number;
  /** Average size of those pages: what a reader downloads per page, before compression. */
  averagePageBytes: number;
  /** Average bytes per page of each part of our layout (absent parts count 0); empty for the floor. */
  averagePartBytes: Record<string, number>;
}

/** Parts of our page frame, by where they start and end in the HTML (layouts/parts/frame.ts, layouts/page.11ty.ts). */
const LAYOUT_PARTS: [name: string, start: string, end: string][] = [
  ['head', '<head>', '</head>'],
  ['header', '<header class="site-header"', '</header>'],
  ['sidebar', '<div class="site-sidebar">', '</details></div>'],
  ['breadcrumbs', '<nav class="breadcrumbs"', '</nav>'],
  ['article (content, heading anchors, child list)', '<article', '</article>'],
  ['table of contents', '<aside class="toc">', '</aside>'],
  ['previous / next', '<nav class="pager"', '</nav>'],
  ['footer', '<footer', '</footer>'],
];

function addPartSizes(html: string, into: Record<string, number>): void {
  for (const [name, start, end] of LAYOUT_PARTS) {
    const from = html.indexOf(start);
    const to = from < 0 ? -1 : html.indexOf(end, from);
    if (to >= 0) into[name] = (into[name] ?? 0) + Buffer.byteLength(html.slice(from, to + end.length));
  }
}

/** Pages the generator adds itself; "all pages" grows with the site by design, so it is not averaged. */
const GENERATED_PAGES = new Set(['404.html', 'all-pages/index.html', 'search/index.html']);

/** Sizes of a built site; `skip` names top-level folders that are not part of it (e.g. `pagefind`). */
export function outputSizeOf(siteDir: string, skip: readonly string[] = []): OutputSize {
  let totalBytes = 0;
  let files = 0;
  let pageBytes = 0;
  let pages = 0;
  const parts: Record<string, number> = {};
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (!relative && skip.includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, rel);
        continue;
      }
      const size = statSync(full).size;
      totalBytes += size;
      files++;
      if (rel.endsWith('.html') && !GENERATED_PAGES.has(rel)) {
        pageBytes += size;
        pages++;
        addPartSizes(readFileSync(full, 'utf8'), parts);
      }
    }
  };
  walk(siteDir, '');
  const averagePartBytes = Object.fromEntries(Object.entries(parts).map(([name, bytes]) => [name, bytes / pages]));
  return { totalBytes, files, pages, averagePageBytes: pages ? pageBytes / pages : 0, averagePartBytes };
}
