import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface OutputSize {
  totalBytes: number;
  files: number;
  /** HTML pages made from the corpus (the generator's own pages, like the 404, left out). */
  pages: number;
  /** Average size of those pages: what a reader downloads per page, before compression. */
  averagePageBytes: number;
}

/** Pages the generator adds itself; "all pages" grows with the site by design, so it is not averaged. */
const GENERATED_PAGES = new Set(['404.html', 'all-pages/index.html', 'search/index.html']);

/** Sizes of a built site; `skip` names top-level folders that are not part of it (e.g. `pagefind`). */
export function outputSizeOf(siteDir: string, skip: readonly string[] = []): OutputSize {
  let totalBytes = 0;
  let files = 0;
  let pageBytes = 0;
  let pages = 0;
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
      }
    }
  };
  walk(siteDir, '');
  return { totalBytes, files, pages, averagePageBytes: pages ? pageBytes / pages : 0 };
}
