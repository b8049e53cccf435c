import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, hasErrors, type ContentProblem } from '../content/errors.ts';
import { parseFrontMatter } from '../content/frontMatter.ts';
import type { Page } from '../content/page.ts';
import { PAGE_KEYS, readPage } from '../content/schema.ts';
import { buildNavTree } from '../nav/buildNavTree.ts';
import { readLastUpdated } from '../site/lastUpdated.ts';
import { isGeneratedFileUrl } from '../content/systemUrls.ts';
import { displayPath, type SiteModel } from '../site/siteModel.ts';
import { duplicateUrlProblems, pageUrlClaims, type UrlClaim } from '../site/urlClaims.ts';
import { DEFAULT_SETTINGS, type SiteSettings } from '../site/settings.ts';
import { readDataFolder } from './dataFolder.ts';
import { withDefaults } from './frontMatterDefaults.ts';
import { CONFIG_FILE, readJekyllConfig, repositoryUrl, unusedConfigKeys, type JekyllCollection, type JekyllConfig } from './jekyllConfig.ts';
import { documentUrlOf, frontMatterUrl, jekyllPermalinkProblems, pageUrlOf, staticFileUrlOf, UrlIndex } from './jekyllUrls.ts';
import { JekyllLiquid } from './liquid/jekyllLiquid.ts';
import type { MigrationReport } from './migrationReport.ts';
import { planNavigation } from './navSources.ts';
import { redirectsOf, type Redirect } from './redirects.ts';
import { MARKDOWN_EXTENSIONS, readsJekyllFolder, scanSiteFiles } from './siteFiles.ts';
import { refuseOutsideLinks } from '../security/symlinks.ts';
import { codeFileProblems, frontMatterLanguageProblem } from '../security/codeInContent.ts';

/** A page's Markdown after Liquid, and the file line each of its lines came from. */
export interface RenderedBody {
  text: string;
  /** 1-based file line of each 1-based line of `text`: `fileLines[n - 1]`. */
  fileLines: number[];
  file: string;
}

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

/** Front matter keys of Jekyll layouts and plugins that are not worth a line in the report. */
const QUIET_KEYS = ['layout', 'tags', 'categories', 'date', 'lang', 'excerpt', 'published', 'redirect_to', 'redirect_from', 'sidenav'];

function titleFromBody(body: string, inputPath: string): string {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  if (heading) return heading[1]!.replace(/\s*\{[:#][^}]*\}\s*$/, '');
  const name = path.posix.basename(inputPath).replace(/\.[^.]+$/, '');
  return name === 'index' ? 'Home' : name.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The site root's folder inside its git repository (`docs` when the guide lives in `docs/`), for edit links. */
function pathInRepository(rootDir: string, repository: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: rootDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    // Only when the clone is of the repository the guide names (a guide copied elsewhere sits at its root there).
    const remote = repositoryUrl(git('config', '--get', 'remote.origin.url'));
    if (!remote || remote.toLowerCase() !== repository.toLowerCase()) return '';
    return git('rev-parse', '--show-prefix').replace(/\/+$/, '');
  } catch {
    return '';
  }
}

export function settingsOf(config: JekyllConfig, rootDir: string): SiteSettings {
  return {
    ...DEFAULT_SETTINGS,
    name: config.title,
    description: config.description,
    url: config.url || DEFAULT_SETTINGS.url,
    repository: config.repository ?? '',
    branch: config.branch ?? DEFAULT_SETTINGS.branch,
    contentPath: config.repository ? pathInRepository(rootDir, config.repository) : '',
    language: config.language ?? DEFAULT_SETTINGS.language,
  };
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

  const unused = unusedConfigKeys(config);
  if (unused.length > 0) report.siteNote(`${CONFIG_FILE}: settings of themes and plugins, not used: ${unused.join(', ')}.`);
  const plugins = [config.raw.plugins, config.raw.gems].flatMap((p) => (Array.isArray(p) ? p.map(String) : []));
  if (plugins.length > 0) report.siteNote(`${CONFIG_FILE}: Jekyll plugins not run: ${plugins.join(', ')} (redirects and includes are handled; others are reported where pages use them).`);
  if (config.markdown.toLowerCase() !== 'kramdown') report.siteNote(`${CONFIG_FILE}: markdown: ${config.markdown} — pages are rendered as kramdown (GFM) renders them.`);
  if (config.raw.theme || config.raw.remote_theme) report.siteNote(`${CONFIG_FILE}: the theme ${String(config.raw.theme ?? config.raw.remote_theme)} is replaced by the generator's layout.`);

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
  const pages: Page[] = [];
  const redirects: Redirect[] = [];
  const collectionOf = new Map<string, JekyllCollection | undefined>();
  const bodyOf = new Map<string, { body: string; bodyLine: number }>();
  const skippedPages: string[] = [];
  for (const source of files.pages) {
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
      merged.title = titleFromBody(parsed.body, source.path);
      report.converted(file, `title taken from ${/^#\s/m.test(parsed.body) ? 'the first heading' : 'the file name'} ("${merged.title}")`);
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
  const liquid = new JekyllLiquid({
    rootDir,
    includesDir: path.join(rootDir, '_includes'),
    shownRoot,
    baseurl: renderedBaseurl,
    siteUrl: config.url,
    markdownify: options.markdownify,
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
      lastUpdated: options.gitDates === false ? new Map() : readLastUpdated(rootDir),
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
