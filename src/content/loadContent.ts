// Our own content folder as a site model: every page's front matter checked against the schema,
// the tree from `parent`, the URLs checked; nothing is written before all of it passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeFileProblems } from '../security/codeInContent.ts';
import { refuseOutsideLinks } from '../security/symlinks.ts';
import { buildNavTree } from '../nav/buildNavTree.ts';
import { findCopiedFiles } from './copiedFiles.ts';
import { readLastUpdated } from '../site/lastUpdated.ts';
import { readSettings } from '../site/settings.ts';
import { displayPath, type LoadSiteOptions, type SiteModel } from '../site/siteModel.ts';
import { pageAddressProblems } from '../site/urlClaims.ts';
import { ContentValidationError, hasErrors } from './errors.ts';
import { findContentFiles } from './findContentFiles.ts';
import { controlsEleventy, parseFrontMatter, type ParsedFrontMatter } from './frontMatter.ts';
import type { ContentProblem } from './errors.ts';
import type { Page } from './page.ts';
import { readPage } from './schema.ts';

/**
 * Our own content: reads and validates every page. All errors of all files are collected and thrown together
 * as one `ContentValidationError`, before anything is written.
 */
export function loadContentSite(options: LoadSiteOptions): SiteModel {
  const inputDir = path.resolve(options.inputDir);
  const shownDir = displayPath(inputDir);
  refuseOutsideLinks(inputDir, options.skipDirs, { shownDir });
  const { settings, problems } = readSettings(inputDir, shownDir);
  problems.push(...codeFileProblems(inputDir, options.skipDirs, shownDir));
  const pages: Page[] = [];
  const contentFiles = findContentFiles(inputDir, options.skipDirs);
  for (const inputPath of contentFiles) {
    const file = shownDir === '' ? inputPath : `${shownDir}/${inputPath}`;
    const raw = readFileSync(path.join(inputDir, inputPath), 'utf8');
    const { parsed, problem } = parseFrontMatter(raw, file);
    if (problem) problems.push(problem);
    if (!parsed) continue;
    const result = readPage({ file, inputPath }, parsed);
    problems.push(...result.problems, ...eleventyControlProblems(parsed, file));
    if (result.page) pages.push(result.page);
  }
  problems.push(...pageAddressProblems(pages, contentFiles, findCopiedFiles(inputDir, options.skipDirs), shownDir));
  const { tree, problems: navProblems } = buildNavTree(pages);
  problems.push(...navProblems);
  if (hasErrors(problems)) throw new ContentValidationError(problems);
  return {
    inputDir,
    settings,
    pages,
    tree,
    lastUpdated: options.gitDates === false ? new Map<string, Date>() : readLastUpdated(inputDir),
    warnings: problems,
  };
}

/**
 * Eleventy's keys that would let a page choose its own address or how it is computed
 * (`pagination`, `eleventyComputed`…): Eleventy never sees them, so they are an error rather than
 * quietly doing nothing. `permalink` and `layout` have rules of their own.
 */
function eleventyControlProblems(front: ParsedFrontMatter, file: string): ContentProblem[] {
  return Object.keys(front.data)
    .filter((key) => controlsEleventy(key) && key !== 'permalink' && key !== 'layout')
    .map((key) => ({
      severity: 'error' as const,
      file,
      line: front.keyLines.get(key),
      message: `front matter key \`${key}\` is not supported: it would let the page compute its own data or address.`,
      hint: 'Remove it. A page gives its address with `permalink`, checked like every other address.',
    }));
}

