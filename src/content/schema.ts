import { closestMatch } from './closestMatch.ts';
import type { ContentProblem } from './errors.ts';
import type { ParsedFrontMatter } from './frontMatter.ts';
import type { Page } from './page.ts';
import { pageUrl } from './pageUrl.ts';
import { templateEngineOverrideProblem } from '../security/codeInContent.ts';

/** Keys we read ourselves. */
export const PAGE_KEYS = ['title', 'navtitle', 'parent', 'nav_order', 'permalink', 'search', 'description'] as const;

/** Keys Eleventy (or Jekyll guides) use that we pass through untouched. */
const PASS_THROUGH_KEYS = [
  'layout',
  'tags',
  'date',
  'templateEngineOverride',
  'eleventyExcludeFromCollections',
  'eleventyComputed',
  'eleventyNavigation',
  'redirect_to',
  'redirect_from',
  'sidenav',
  'lang',
];

const KNOWN_KEYS = [...PAGE_KEYS, ...PASS_THROUGH_KEYS];

/** A text value written in YAML: strings, and numbers such as `title: 2016` read as text. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  // YAML reads `title: 2016-05-01` as a date; show it as written, not as `Sun May 01 2016 …`.
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return undefined;
}

/**
 * Checks one file's front matter against the schema and makes its `Page`. Returns the page
 * (unless an error makes that impossible) and every problem found.
 */
export function readPage(
  source: { file: string; inputPath: string },
  front: ParsedFrontMatter,
): { page?: Page; problems: ContentProblem[] } {
  const { file } = source;
  const { data, keyLines } = front;
  const problems: ContentProblem[] = [];
  const lineOf = (key: string) => keyLines.get(key) ?? 1;

  for (const key of Object.keys(data)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const suggestion = closestMatch(key, KNOWN_KEYS);
    if (suggestion && suggestion.toLowerCase() !== key.toLowerCase()) {
      problems.push({
        severity: 'warning',
        file,
        line: lineOf(key),
        message: `unknown front matter key \`${key}\`.`,
        hint: `Did you mean \`${suggestion}\`?`,
      });
    } else if (suggestion) {
      problems.push({
        severity: 'warning',
        file,
        line: lineOf(key),
        message: `front matter key \`${key}\` is in the wrong case.`,
        hint: `Write it as \`${suggestion}\`.`,
      });
    }
  }

  const title = asText(data.title);
  if (title === undefined || title === '') {
    problems.push({
      severity: 'error',
      file,
      line: data.title === undefined ? 1 : lineOf('title'),
      message: data.title === undefined ? 'the page has no `title`.' : 'the page `title` is empty or not text.',
      hint: 'Add a line such as `title: Static analysis` to the front matter (between the `---` lines at the top).',
    });
  }

  const navtitle = optionalText(data, 'navtitle', file, lineOf, problems);
  const parent = optionalText(data, 'parent', file, lineOf, problems);

  let navOrder: number | undefined;
  if (data.nav_order !== undefined && data.nav_order !== null) {
    // A quoted number is a number; an empty string is not 0.
    const value =
      typeof data.nav_order === 'string' ? (data.nav_order.trim() === '' ? NaN : Number(data.nav_order)) : data.nav_order;
    if (typeof value === 'number' && Number.isFinite(value)) {
      navOrder = value;
    } else {
      problems.push({
        severity: 'error',
        file,
        line: lineOf('nav_order'),
        message: '`nav_order` must be a number.',
        hint: 'Write for example `nav_order: 2`; siblings with lower numbers come first.',
      });
    }
  }

  // Only Liquid and Markdown may render content: Nunjucks and the rest can run code.
  const engineProblem = templateEngineOverrideProblem(data.templateEngineOverride, file, lineOf('templateEngineOverride'));
  if (engineProblem) problems.push(engineProblem);

  if (data.search !== undefined && typeof data.search !== 'boolean') {
    problems.push({
      severity: 'error',
      file,
      line: lineOf('search'),
      message: '`search` must be `true` or `false`.',
      hint: 'Write `search: false` to leave the page out of search; leave the key out otherwise.',
    });
  }

  if (data.permalink !== undefined && data.permalink !== false && typeof data.permalink !== 'string') {
    problems.push({
      severity: 'error',
      file,
      line: lineOf('permalink'),
      message: '`permalink` must be a path such as `/security/` or `false`.',
    });
  }

  if (typeof data.permalink === 'string' && /\{\{|\{%/.test(data.permalink)) {
    // Eleventy would run it as a template; we place pages before rendering, so it must be a path.
    problems.push({
      severity: 'error',
      file,
      line: lineOf('permalink'),
      message: '`permalink` holds template tags; it must be a plain path.',
      hint: 'Write the path itself, e.g. `permalink: /security/frameworks/`, or remove the line to use the file\'s own path.',
    });
  }

  const url = pageUrl(source.inputPath, typeof data.permalink === 'string' || data.permalink === false ? data.permalink : undefined);
  if (title === undefined || title === '' || problems.some((p) => p.severity === 'error') || url === false) {
    return { problems };
  }
  return {
    page: {
      file,
      inputPath: source.inputPath,
      title,
      navtitle: navtitle || undefined,
      label: navtitle || title,
      parent: parent || undefined,
      navOrder,
      url,
      search: data.search !== false,
      bodyLine: front.bodyLine,
      keyLines,
      data,
    },
    problems,
  };
}

function optionalText(
  data: Record<string, unknown>,
  key: string,
  file: string,
  lineOf: (key: string) => number,
  problems: ContentProblem[],
): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  const text = asText(value);
  if (text === undefined) {
    problems.push({
      severity: 'error',
      file,
      line: lineOf(key),
      message: `\`${key}\` must be text.`,
      hint: `Write it on one line, e.g. \`${key}: Security\`.`,
    });
  }
  return text;
}
