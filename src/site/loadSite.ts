import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, hasErrors, type ContentProblem } from '../content/errors.ts';
import { findContentFiles } from '../content/findContentFiles.ts';
import { parseFrontMatter } from '../content/frontMatter.ts';
import type { Page } from '../content/page.ts';
import { readPage } from '../content/schema.ts';
import { decodeURIComponentSafe } from '../content/pageUrl.ts';
import { systemUseOf } from '../content/systemUrls.ts';
import { buildNavTree, type NavTree } from '../nav/buildNavTree.ts';
import { readLastUpdated } from './lastUpdated.ts';
import { readSettings, type SiteSettings } from './settings.ts';

/** The whole site as the build knows it before rendering: valid pages, tree and settings. */
export interface SiteModel {
  inputDir: string;
  settings: SiteSettings;
  pages: Page[];
  tree: NavTree;
  lastUpdated: Map<string, Date>;
  /** Warnings (typo'd keys…) to show; errors never reach a model, they throw. */
  warnings: ContentProblem[];
}

export interface LoadSiteOptions {
  inputDir: string;
  /** Folders under the input never read (the output folder when it sits inside). */
  skipDirs?: string[];
  /** Read "last updated" dates from git (off in tests that do not need them). */
  gitDates?: boolean;
}

/** How a file is named in messages: relative to the working folder when it is below it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/**
 * Reads and validates every page. All errors of all files are collected and thrown together
 * as one `ContentValidationError`, before anything is written.
 */
export function loadSite(options: LoadSiteOptions): SiteModel {
  const inputDir = path.resolve(options.inputDir);
  const shownDir = displayPath(inputDir);
  const { settings, problems } = readSettings(inputDir, shownDir);
  const pages: Page[] = [];
  for (const inputPath of findContentFiles(inputDir, options.skipDirs)) {
    const file = shownDir === '' ? inputPath : `${shownDir}/${inputPath}`;
    const raw = readFileSync(path.join(inputDir, inputPath), 'utf8');
    const { parsed, problem } = parseFrontMatter(raw, file);
    if (problem) problems.push(problem);
    if (!parsed) continue;
    const result = readPage({ file, inputPath }, parsed);
    problems.push(...result.problems);
    if (result.page) pages.push(result.page);
  }
  problems.push(...duplicateUrlProblems(pages));
  const { tree, problems: navProblems } = buildNavTree(pages);
  problems.push(...navProblems);
  if (hasErrors(problems)) throw new ContentValidationError(problems);
  return {
    inputDir,
    settings,
    pages,
    tree,
    lastUpdated: options.gitDates === false ? new Map() : readLastUpdated(inputDir),
    warnings: problems,
  };
}

/**
 * Two pages written to one URL (the second would silently replace the first), or a page at a
 * URL the generator writes itself (404, search, sitemap, assets).
 */
export function duplicateUrlProblems(pages: readonly Page[]): ContentProblem[] {
  const byUrl = new Map<string, Page>();
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const key = decodeURIComponentSafe(page.url).replace(/\/index\.html$/, '/').toLowerCase();
    const systemUse = systemUseOf(key);
    const other = byUrl.get(key);
    if (systemUse) {
      problems.push({
        severity: 'error',
        file: page.file,
        line: page.keyLines.get('permalink'),
        message: `the page has the URL ${page.url}, where the generator writes ${systemUse}.`,
        hint: 'Rename the file or give it another `permalink`.',
      });
    } else if (other) {
      problems.push({
        severity: 'error',
        file: page.file,
        line: page.keyLines.get('permalink'),
        message: `two pages have the URL ${page.url}: ${other.file} and ${page.file}.`,
        hint: 'Rename one of the files or change its `permalink`.',
      });
    } else byUrl.set(key, page);
  }
  return problems;
}
