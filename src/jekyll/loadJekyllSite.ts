// A Jekyll guide read the way Jekyll read it, in the order it did: `_config.yml`
// (./jekyllSettings.ts), the files, the pages (./jekyllPages.ts), static files and redirects, the
// pages' Liquid (./liquidBodies.ts) and the navigation tree.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, hasErrors, type ContentProblem } from '../content/errors.ts';
import { buildNavTree } from '../nav/buildNavTree.ts';
import { readLastUpdated } from '../site/lastUpdated.ts';
import { isGeneratedFileUrl } from '../content/systemUrls.ts';
import { displayPath, type SiteModel } from '../site/siteModel.ts';
import { duplicateUrlProblems, pageUrlClaims, type UrlClaim } from '../site/urlClaims.ts';
import { readDataFolder } from './dataFolder.ts';
import { CONFIG_FILE, readJekyllConfig, type JekyllConfig } from './jekyllConfig.ts';
import { readJekyllPages } from './jekyllPages.ts';
import { noteUnusedConfig, settingsOf } from './jekyllSettings.ts';
import { jekyllPermalinkProblems, staticFileUrlOf, UrlIndex } from './jekyllUrls.ts';
import { renderLiquidBodies, type RenderedBody } from './liquidBodies.ts';
import type { MigrationReport } from './migrationReport.ts';
import { planNavigation } from './navSources.ts';
import type { Redirect } from './redirects.ts';
import { MARKDOWN_EXTENSIONS, readsJekyllFolder, scanSiteFiles } from './siteFiles.ts';
import { refuseOutsideLinks } from '../security/symlinks.ts';
import { codeFileProblems, frontMatterLanguageProblem } from '../security/codeInContent.ts';

/** A Jekyll guide as the build needs it: the common site model plus what only Jekyll mode has. */
export interface JekyllSite {
  model: SiteModel;
  config: JekyllConfig;
  /** Liquid output of each page, by inputPath. */
  bodies: Map<string, RenderedBody>;
  /** Files copied as they are: absolute source, site URL. */
  staticFiles: { from: string; url: string }[];
  redirects: Redirect[];
  /** Markdown files under the root Eleventy must not render, and folders it must not read (relative paths). */
  notPages: { files: string[]; folders: string[] };
}

export interface LoadJekyllOptions {
  rootDir: string;
  /** The path prefix the site is built under (`/` or `/guide/`). */
  pathPrefix: string;
  skipDirs?: string[];
  gitDates?: boolean;
  report: MigrationReport;
  markdownify: (text: string) => string;
}

/**
 * Reads a Jekyll guide the way Jekyll did: `_config.yml`, the pages (front matter with
 * `defaults:`), their URLs, Liquid (before Markdown), the tree from its four sources, redirects
 * and static files. Every error of every file is collected and thrown together, before anything
 * is written, like `loadSite` does for our own content.
 */
export function loadJekyllSite(options: LoadJekyllOptions): JekyllSite {
  const rootDir = path.resolve(options.rootDir);
  const shownRoot = displayPath(rootDir);
  const shown = (relative: string) => (shownRoot ? `${shownRoot}/${relative}` : relative);
  const { report } = options;
  const { config, problems } = readJekyllConfig(rootDir, shown(CONFIG_FILE));
  refuseOutsideLinks(rootDir, options.skipDirs, { shownDir: shownRoot, reads: readsJekyllFolder(config, options.skipDirs) });
  // Before anything else reads the guide: no file Eleventy would run as code (src/security/codeInContent.ts).
  problems.push(...codeFileProblems(rootDir, options.skipDirs, shownRoot));
  const renderedBaseurl = options.pathPrefix.replace(/\/$/, '');

  noteUnusedConfig(config, report);

  const files = scanSiteFiles(rootDir, config, options.skipDirs);
  // Jekyll reads `---js` as no front matter and would publish the file as it is; an editor who
  // wrote it meant front matter in a language that runs code: say so instead.
  for (const file of files.staticFiles) {
    if (!MARKDOWN_EXTENSIONS.includes(path.posix.extname(file.path).toLowerCase())) continue;
    const problem = frontMatterLanguageProblem(readFileSync(path.join(rootDir, file.path), 'utf8').replace(/^\uFEFF/, ''), shown(file.path));
    if (problem) problems.push(problem);
  }
  const { data, problems: dataProblems } = readDataFolder(path.join(rootDir, '_data'), shown('_data'));
  problems.push(...dataProblems);
  for (const template of files.templates) {
    const ext = path.posix.extname(template.path).toLowerCase();
    report.notConverted(
      shown(template.path),
      ext === '.html' || ext === '.htm'
        ? 'a page template written in HTML (with front matter): not built; write it as Markdown to bring it over.'
        : `a file Jekyll processed (front matter in a ${ext || 'plain'} file${ext === '.scss' || ext === '.sass' ? ': Sass is not compiled' : ''}): not published.`,
    );
  }
  for (const unwritten of files.unwritten) {
    report.notConverted(shown(unwritten.path), `in the collection "${unwritten.collection?.label}", which Jekyll did not write as pages (\`output\` is not true): not built.`);
  }

  // Pages: front matter with defaults, then our schema, then the URL Jekyll gave them.
  const { pages, redirects, collectionOf, bodyOf, skippedPages } = readJekyllPages(files.pages, { rootDir, config, report, shown }, problems);

  problems.push(...jekyllPermalinkProblems(pages));
  const staticFiles: JekyllSite['staticFiles'] = [];
  const urlOfFile = new Map<string, string>();
  for (const page of pages) urlOfFile.set(page.inputPath, page.url);
  for (const file of files.staticFiles) {
    const url = staticFileUrlOf(file.path, file.collection, config);
    urlOfFile.set(file.path, url);
    if (isGeneratedFileUrl(url)) {
      report.notConverted(shown(file.path), `its URL ${url} is the generator's own file; not copied.`);
      continue;
    }
    staticFiles.push({ from: path.join(rootDir, file.path), url });
  }

  // Two things on one URL: pages, redirect stubs and static files alike.
  const claims: UrlClaim[] = [
    ...pageUrlClaims(pages),
    ...redirects.map((r) => ({ url: r.url, file: r.file, line: r.line, what: r.kind })),
    ...staticFiles.map((f) => ({ url: f.url, file: shown(path.relative(rootDir, f.from).split(path.sep).join('/')), what: 'a static file' })),
  ];
  problems.push(...duplicateUrlProblems(claims));

  // A redirect inside the site must lead somewhere.
  const targets = new UrlIndex<string>();
  for (const url of [...pages.map((p) => p.url), ...staticFiles.map((f) => f.url)]) targets.add(url, url);
  for (const redirect of redirects) {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(redirect.target) || targets.get(redirect.target) !== undefined) continue;
    problems.push({
      severity: 'warning',
      file: redirect.file,
      line: redirect.line,
      message: `${redirect.kind} leads to ${redirect.target}, where there is no page.`,
      hint: 'Point it at an existing page.',
    });
  }

  // Liquid, before Markdown, the way Jekyll ran it.
  const bodies = renderLiquidBodies(
    { pages, collectionOf, bodyOf },
    { rootDir, shownRoot, baseurl: renderedBaseurl, config, data, staticFiles, urlOfFile, markdownify: options.markdownify, report },
    problems,
  );

  // The tree, from whichever source the guide used.
  const home = pages.find((p) => p.url === '/');
  const navigationFile = ['_data/navigation.yml', '_data/navigation.yaml'].find((f) => existsSync(path.join(rootDir, f))) ?? '_data/navigation.yml';
  const readText = (relative: string) => {
    try {
      return readFileSync(path.join(rootDir, relative), 'utf8');
    } catch {
      return '';
    }
  };
  const plan = planNavigation({
    pages,
    home,
    baseurl: config.baseurl,
    configNavigation: config.navigation,
    config: { file: config.file, text: config.text },
    dataNavigation: (data.navigation && typeof data.navigation === 'object' ? data.navigation : undefined) as Record<string, unknown> | undefined,
    data: { file: shown(navigationFile), text: readText(navigationFile) },
    baseDirOf: (page) => collectionOf.get(page.inputPath)?.dir ?? '',
  });
  problems.push(...plan.problems);
  const { tree, problems: treeProblems } = buildNavTree(pages, plan);
  problems.push(...treeProblems);
  report.placedBy = plan.placedBy;
  report.hasHome = home !== undefined;
  report.totals.pages = pages.length;
  report.totals.staticFiles = staticFiles.length;
  report.totals.redirectTo = redirects.filter((r) => r.kind === 'redirect_to').length;
  report.totals.redirectFrom = redirects.filter((r) => r.kind === 'redirect_from').length;

  if (hasErrors(problems)) throw new ContentValidationError(problems);
  const warnings: ContentProblem[] = problems;
  return {
    model: {
      inputDir: rootDir,
      settings: settingsOf(config, rootDir),
      pages,
      tree,
      lastUpdated: options.gitDates === false ? new Map<string, Date>() : readLastUpdated(rootDir),
      warnings,
      redirects,
    },
    config,
    bodies,
    staticFiles,
    redirects,
    notPages: { files: [...files.otherMarkdown, ...skippedPages], folders: files.skippedFolders },
  };
}
