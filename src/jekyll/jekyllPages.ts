// A Jekyll guide's pages: front matter with `defaults:`, then our schema, then the URL Jekyll
// gave them; redirect stubs and unpublished pages are set aside, and the report says why.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';
import { parseFrontMatter } from '../content/frontMatter.ts';
import type { Page } from '../content/page.ts';
import { PAGE_KEYS, readPage } from '../content/schema.ts';
import { isGeneratedFileUrl } from '../content/systemUrls.ts';
import { withDefaults } from './frontMatterDefaults.ts';
import { CONFIG_FILE, type JekyllCollection, type JekyllConfig } from './jekyllConfig.ts';
import { documentUrlOf, frontMatterUrl, pageUrlOf } from './jekyllUrls.ts';
import type { MigrationReport } from './migrationReport.ts';
import { redirectsOf, type Redirect } from './redirects.ts';
import type { SiteFile } from './siteFiles.ts';

export interface JekyllPages {
  pages: Page[];
  redirects: Redirect[];
  /** The collection of each page, by inputPath. */
  collectionOf: Map<string, JekyllCollection | undefined>;
  /** Each page's body (before Liquid) and the file line it starts on, by inputPath. */
  bodyOf: Map<string, { body: string; bodyLine: number }>;
  /** Pages not built (unpublished, redirect stubs, on the generator's own URLs): Eleventy must not render them. */
  skippedPages: string[];
}

/** Where the pages are and how to tell of them. */
export interface PageSource {
  rootDir: string;
  config: JekyllConfig;
  report: MigrationReport;
  /** How messages name a file of the site. */
  shown: (relative: string) => string;
}

/** Front matter keys of Jekyll layouts and plugins that are not worth a line in the report. */
const QUIET_KEYS = ['layout', 'tags', 'categories', 'date', 'lang', 'excerpt', 'published', 'redirect_to', 'redirect_from', 'sidenav'];

function titleFromBody(body: string, inputPath: string): string {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  if (heading) return heading[1]!.replace(/\s*\{[:#][^}]*\}\s*$/, '');
  const name = path.posix.basename(inputPath).replace(/\.[^.]+$/, '');
  return name === 'index' ? 'Home' : name.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Reads the pages; their problems are added to `problems`. */
export function readJekyllPages(sources: readonly SiteFile[], { rootDir, config, report, shown }: PageSource, problems: ContentProblem[]): JekyllPages {
  const pages: Page[] = [];
  const redirects: Redirect[] = [];
  const collectionOf = new Map<string, JekyllCollection | undefined>();
  const bodyOf = new Map<string, { body: string; bodyLine: number }>();
  const skippedPages: string[] = [];
  for (const source of sources) {
    const file = shown(source.path);
    const raw = readFileSync(path.join(rootDir, source.path), 'utf8');
    const { parsed, problem } = parseFrontMatter(raw, file);
    if (problem) problems.push(problem);
    if (!parsed) continue;
    const { data: merged, from } = withDefaults(parsed.data, source.path, source.collection?.label ?? 'pages', config.defaults);
    if (merged.published === false) {
      report.notConverted(file, '`published: false`: not built, as in Jekyll.');
      skippedPages.push(source.path);
      continue;
    }
    if (typeof merged.title !== 'string' && typeof merged.title !== 'number') {
      const title = titleFromBody(parsed.body, source.path);
      merged.title = title;
      report.converted(file, `title taken from ${/^#\s/m.test(parsed.body) ? 'the first heading' : 'the file name'} ("${title}")`);
    }
    for (const [key, entry] of from) {
      if (key === 'layout') report.siteNote(`${CONFIG_FILE}: defaults give pages in "${entry.path || '(all files)'}" the layout "${String(entry.values.layout)}"; the generator's layout replaces it.`);
    }
    if (typeof parsed.data.layout === 'string') report.notConverted(file, `layout "${parsed.data.layout}" is replaced by the generator's layout.`, parsed.keyLines.get('layout'));
    for (const key of Object.keys(parsed.data)) {
      if (!(PAGE_KEYS as readonly string[]).includes(key) && !QUIET_KEYS.includes(key)) {
        report.notConverted(file, `front matter \`${key}\` was for the Jekyll layout or a plugin; it is not used.`, parsed.keyLines.get(key));
      }
    }
    const result = readPage({ file, inputPath: source.path }, { ...parsed, data: merged });
    problems.push(...result.problems);
    if (!result.page) continue;
    const values = {
      collection: source.collection?.label ?? '',
      path: (source.collection ? source.path.slice(source.collection.dir.length + 1) : source.path).replace(/\.[^/.]+$/, ''),
      name: path.posix.basename(source.path).replace(/\.[^.]+$/, ''),
      title: result.page.title,
      outputExt: '.html',
    };
    const url =
      typeof merged.permalink === 'string' && merged.permalink.trim() !== ''
        ? frontMatterUrl(merged.permalink, values)
        : source.collection
          ? documentUrlOf(values.path, source.collection, config, result.page.title)
          : pageUrlOf(source.path, config);
    const page: Page = { ...result.page, url };
    const asked = redirectsOf(page, config.baseurl);
    problems.push(...asked.problems);
    redirects.push(...asked.redirects);
    if (asked.redirects.some((r) => r.kind === 'redirect_to')) {
      report.converted(file, 'redirect_to (a redirect stub, out of nav and search)');
      skippedPages.push(source.path);
      continue;
    }
    if (asked.redirects.length > 0) report.converted(file, `redirect_from (${asked.redirects.length} stub${asked.redirects.length === 1 ? '' : 's'})`);
    if (isGeneratedFileUrl(url)) {
      report.notConverted(file, `its URL ${url} is the generator's own page; the guide's page is not built.`);
      skippedPages.push(source.path);
      continue;
    }
    pages.push(page);
    collectionOf.set(page.inputPath, source.collection);
    bodyOf.set(page.inputPath, { body: parsed.body, bodyLine: parsed.bodyLine });
  }
  return { pages, redirects, collectionOf, bodyOf, skippedPages };
}
