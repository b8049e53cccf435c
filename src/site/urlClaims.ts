// Where pages land: the checks every input format makes on the URLs its pages and files claim.
import type { ContentProblem } from '../content/errors.ts';
import type { Page } from '../content/page.ts';
import { permalinkFault, servedUrlKey } from '../content/pageUrl.ts';
import { isGeneratedFileUrl, systemUseOf } from '../content/systemUrls.ts';

/** Something written to an URL: a page, or (Jekyll mode) a redirect stub. */
export interface UrlClaim {
  url: string;
  file: string;
  line?: number;
  /** How messages name it when it is not a page, e.g. `a redirect (redirect_from)`. */
  what?: string;
}

export function pageUrlClaims(pages: readonly Page[]): UrlClaim[] {
  return pages.map((page) => ({ url: page.url, file: page.file, line: page.keyLines.get('permalink') }));
}

/** A page of our own content at a URL the generator writes itself (404, search, sitemap, assets). */
export function systemUrlProblems(pages: readonly Page[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const systemUse = systemUseOf(page.url);
    if (systemUse) {
      problems.push({
        severity: 'error',
        file: page.file,
        line: page.keyLines.get('permalink'),
        message: `the page has the URL ${page.url}, where the generator writes ${systemUse}.`,
        hint: 'Rename the file or give it another `permalink`.',
      });
    }
  }
  return problems;
}

/**
 * A page URL with `%`, `?` or `#`: the file is written under that name, but a browser reads
 * `/%41/` as `/A/`, and `?` and `#` as the start of a query or fragment, so no link reaches it.
 */
export function unservableUrlProblems(pages: readonly Page[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    // A back slash or a control character too, from a file name as from a permalink: browsers
    // read `/\evil.example/` as `//evil.example/`, another site.
    const char = [...page.url].find((c) => '%?#\\'.includes(c) || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    if (char === undefined) continue;
    const fromPermalink = page.keyLines.has('permalink');
    if (char === '%' || char === '?' || char === '#') {
      const meaning = char === '%' ? 'the start of an escape (`/%41/` is `/A/`)' : `the start of a ${char === '?' ? 'query' : 'fragment'}`;
      problems.push({
        severity: 'error',
        file: page.file,
        line: page.keyLines.get('permalink'),
        message: `the page's URL ${page.url} has a "${char}", which a browser reads as ${meaning}: no link can reach the page.`,
        hint: fromPermalink ? 'Take `%`, `?` and `#` out of the `permalink`.' : 'Rename the file without `%`, `?` and `#`, or give it a `permalink`.',
      });
      continue;
    }
    const shown = char === '\\' ? 'back slash' : `control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push({
      severity: 'error',
      file: page.file,
      line: page.keyLines.get('permalink'),
      message: `the page's URL ${JSON.stringify(page.url)} has a ${shown}, which browsers read as a slash or drop: its links could lead to another site.`,
      hint: fromPermalink ? 'Take back slashes and control characters out of the `permalink`.' : 'Rename the file without back slashes or control characters, or give it a `permalink`.',
    });
  }
  return problems;
}

/** Two pages (or redirects) written to one URL: the second would silently replace the first. */
export function duplicateUrlProblems(claims: readonly UrlClaim[]): ContentProblem[] {
  const byUrl = new Map<string, UrlClaim>();
  const problems: ContentProblem[] = [];
  const named = (claim: UrlClaim) => (claim.what ? `${claim.file} (${claim.what})` : claim.file);
  for (const claim of claims) {
    const key = servedUrlKey(claim.url);
    const other = byUrl.get(key);
    if (other) {
      const copied = [other, claim].filter((c) => c.what === COPIED_FILE).length;
      const both = copied === 1 ? 'a page and a file copied beside the pages claim' : copied === 2 ? 'two copied files claim' : other.what || claim.what ? 'two pages or redirects claim' : 'two pages have';
      problems.push({
        severity: 'error',
        file: claim.file,
        line: claim.line,
        message: `${both} the URL ${claim.url}: ${named(other)} and ${named(claim)}.`,
        hint: 'Rename one of the files or change its `permalink`.',
      });
    } else byUrl.set(key, claim);
  }
  return problems;
}

const COPIED_FILE = 'a file copied beside the pages';

/**
 * Every check of where pages land, for our own content: a permalink that leaves the site or
 * names a path two ways, file names that differ only in Unicode composition, then (for the
 * pages that passed) the generator's own URLs, unservable URLs and two things on one URL:
 * pages and the files copied beside them alike.
 */
export function pageAddressProblems(pages: readonly Page[], contentFiles: readonly string[], copiedFiles: readonly string[], shownDir: string): ContentProblem[] {
  const shown = (inputPath: string) => (shownDir === '' ? inputPath : `${shownDir}/${inputPath}`);
  const sameNames = sameNameProblems([...contentFiles, ...copiedFiles].map(shown));
  const problems = [...permalinkProblems(pages), ...sameNames];
  // A file already refused is not reported again for the address it would have had.
  const refused = new Set(problems.map((p) => p.file.normalize('NFC')));
  const isRefused = (file: string) => refused.has(file.normalize('NFC'));
  const placed = pages.filter((page) => !isRefused(page.file));
  const copied: UrlClaim[] = copiedFiles.filter((f) => !isRefused(shown(f))).map((f) => ({ url: `/${f}`, file: shown(f), what: COPIED_FILE }));
  for (const claim of copied.filter((c) => isGeneratedFileUrl(c.url))) {
    problems.push({
      severity: 'error',
      file: claim.file,
      message: `the file is copied to ${claim.url}, where the generator writes a file of its own.`,
      hint: 'Rename the file or move it to another folder.',
    });
  }
  // Copied files first: a clash is then reported at the page's `permalink` line, which is what to change.
  problems.push(...systemUrlProblems(placed), ...unservableUrlProblems(placed), ...duplicateUrlProblems([...copied, ...pageUrlClaims(placed)]));
  return problems;
}

/** A `permalink` with a scheme, a host, a back slash or `.`, `..` or `//` segments (`permalinkFault`). */
export function permalinkProblems(pages: readonly Page[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const page of pages) {
    const fault = typeof page.data.permalink === 'string' ? permalinkFault(page.data.permalink) : undefined;
    if (fault) problems.push({ severity: 'error', file: page.file, line: page.keyLines.get('permalink'), message: fault.message, hint: fault.hint });
  }
  return problems;
}

/**
 * Two files whose names differ only in how Unicode composes a letter (`café` as one `é`, NFC, or
 * `e` plus an accent, NFD): they look alike to editors, one address to a server, and a file
 * system that normalises names (macOS) keeps only one of them.
 */
export function sameNameProblems(files: readonly string[]): ContentProblem[] {
  const formOf = (name: string) => (name === name.normalize('NFC') ? 'NFC: accented letters as one character' : 'NFD: accents apart from their letters');
  const byName = new Map<string, string>();
  const problems: ContentProblem[] = [];
  for (const file of files) {
    const name = file.normalize('NFC');
    const other = byName.get(name);
    if (other === undefined) {
      byName.set(name, file);
      continue;
    }
    problems.push({
      severity: 'error',
      file,
      message: `the file names ${other} (${formOf(other)}) and ${file} (${formOf(file)}) differ only in how Unicode composes their letters: they look the same and name one address.`,
      hint: 'Keep one of the two files: delete the other, or rename it.',
    });
  }
  return problems;
}
