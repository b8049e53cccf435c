// Each page's Liquid, run before Markdown the way Jekyll ran it, with the `site` and `page`
// variables Jekyll gave it; and the file line each line of the result came from.
import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';
import type { JekyllConfig } from './jekyllConfig.ts';
import type { JekyllPages } from './jekyllPages.ts';
import { JekyllLiquid } from './liquid/jekyllLiquid.ts';
import type { MigrationReport } from './migrationReport.ts';

/** A page's Markdown after Liquid, and the file line each of its lines came from. */
export interface RenderedBody {
  text: string;
  /** 1-based file line of each 1-based line of `text`: `fileLines[n - 1]`. */
  fileLines: number[];
  file: string;
}

export interface LiquidSite {
  rootDir: string;
  /** How messages name the site root. */
  shownRoot: string;
  /** The path prefix without its trailing slash, as `site.baseurl`. */
  baseurl: string;
  config: JekyllConfig;
  /** Site data from `_data`, as `site.data`. */
  data: Record<string, unknown>;
  staticFiles: readonly { from: string; url: string }[];
  /** The URL of each file of the site (pages and static files), by relative path. */
  urlOfFile: ReadonlyMap<string, string>;
  markdownify: (text: string) => string;
  report: MigrationReport;
}

/** The body of every page after Liquid, by inputPath; Liquid's problems are added to `problems`. */
export function renderLiquidBodies(
  { pages, collectionOf, bodyOf }: Pick<JekyllPages, 'pages' | 'collectionOf' | 'bodyOf'>,
  { rootDir, shownRoot, baseurl: renderedBaseurl, config, data, staticFiles, urlOfFile, markdownify, report }: LiquidSite,
  problems: ContentProblem[],
): Map<string, RenderedBody> {
  const liquid = new JekyllLiquid({
    rootDir,
    includesDir: path.join(rootDir, '_includes'),
    shownRoot,
    baseurl: renderedBaseurl,
    siteUrl: config.url,
    markdownify,
    urlOfFile: (relative) => urlOfFile.get(relative),
    theme: typeof config.raw.theme === 'string' ? config.raw.theme : typeof config.raw.remote_theme === 'string' ? config.raw.remote_theme : undefined,
  });
  liquid.registerUnknownTags([...bodyOf.values()].map((b) => b.body));
  const pagePayload = (page: Page) => ({
    ...page.data,
    title: page.title,
    url: page.url,
    permalink: typeof page.data.permalink === 'string' ? page.data.permalink : page.url,
    path: page.inputPath,
    name: path.posix.basename(page.inputPath),
    dir: page.url.replace(/[^/]*$/, ''),
    collection: collectionOf.get(page.inputPath)?.label,
  });
  const pagePayloads = pages.map(pagePayload);
  const collections = config.collections.map((c) => ({ label: c.label, output: c.output, docs: pagePayloads.filter((p) => p.collection === c.label) }));
  const site: Record<string, unknown> = {
    ...config.raw,
    title: config.title,
    url: config.url,
    baseurl: renderedBaseurl,
    data,
    pages: pagePayloads,
    html_pages: pagePayloads,
    documents: pagePayloads.filter((p) => p.collection),
    collections,
    static_files: staticFiles.map((f) => ({ path: f.url, url: f.url, name: path.basename(f.from), extname: path.extname(f.from) })),
    time: new Date(),
  };
  for (const collection of collections) if (site[collection.label] === undefined || collection.label === 'pages') site[collection.label] = collection.docs;

  const bodies = new Map<string, RenderedBody>();
  pages.forEach((page, index) => {
    const { body, bodyLine } = bodyOf.get(page.inputPath)!;
    const absolute = path.join(rootDir, page.inputPath);
    if (!/\{[{%]/.test(body)) {
      bodies.set(page.inputPath, { text: body, fileLines: body.split('\n').map((_, i) => bodyLine + i), file: page.file });
      return;
    }
    const rendered = liquid.renderPage(body, page.file, absolute, bodyLine, { site, page: pagePayloads[index] });
    problems.push(...rendered.problems);
    for (const note of rendered.notes) report.notConverted(page.file, note.message, bodyLine + note.line - 1);
    report.converted(page.file, 'Liquid');
    bodies.set(page.inputPath, { text: rendered.text, fileLines: rendered.lines.map((line) => bodyLine + line - 1), file: page.file });
  });
  return bodies;
}
