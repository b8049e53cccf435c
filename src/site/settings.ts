import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { ContentProblem } from '../content/errors.ts';

/** The site's settings, from `site.yml` in the content folder. */
export interface SiteSettings {
  /** Site name, shown in the header and in every `<title>`. */
  name: string;
  description: string;
  /** Where the site is published, for `sitemap.xml` and canonical links (no trailing slash). */
  url: string;
  /** Repository holding the content, for "Edit this page" and "Open an issue". */
  repository: string;
  branch: string;
  /** Path of the content folder inside the repository (`content`). */
  contentPath: string;
  /** `lang` of every page. */
  language: string;
  /** URL patterns (regular expressions) the external link check never fetches. */
  linkCheckSkip: string[];
}

export const SETTINGS_FILE = 'site.yml';

export const DEFAULT_SETTINGS: SiteSettings = {
  name: 'Guidebook',
  description: '',
  url: 'http://localhost:8080',
  repository: '',
  branch: 'main',
  contentPath: 'content',
  language: 'en',
  linkCheckSkip: [],
};

/** Reads `site.yml` from the content folder; a missing file gives the defaults. */
export function readSettings(inputDir: string, displayDir: string): { settings: SiteSettings; problems: ContentProblem[] } {
  const file = path.join(inputDir, SETTINGS_FILE);
  const shown = path.join(displayDir, SETTINGS_FILE);
  if (!existsSync(file)) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  let raw: unknown;
  try {
    raw = loadYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const mark = (error as { mark?: { line?: number }; reason?: string }).mark;
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [
        {
          severity: 'error',
          file: shown,
          line: mark?.line === undefined ? undefined : mark.line + 1,
          message: `settings are not valid YAML: ${(error as { reason?: string }).reason ?? String(error)}.`,
        },
      ],
    };
  }
  return settingsFrom(raw, shown);
}

export function settingsFrom(raw: unknown, shown: string): { settings: SiteSettings; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = (key: string, fallback: string): string => {
    const value = data[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
    problems.push({ severity: 'error', file: shown, message: `\`${key}\` must be text.` });
    return fallback;
  };
  const skip = (data.link_check_skip ?? []) as unknown;
  const linkCheckSkip = Array.isArray(skip) ? skip.map(String) : [String(skip)];
  for (const pattern of linkCheckSkip) {
    try {
      new RegExp(pattern);
    } catch {
      problems.push({ severity: 'error', file: shown, message: `\`link_check_skip\` pattern ${pattern} is not a valid regular expression.` });
    }
  }
  return {
    settings: {
      name: text('name', DEFAULT_SETTINGS.name),
      description: text('description', DEFAULT_SETTINGS.description),
      url: text('url', DEFAULT_SETTINGS.url).replace(/\/+$/, ''),
      repository: text('repository', DEFAULT_SETTINGS.repository).replace(/\/+$/, ''),
      branch: text('branch', DEFAULT_SETTINGS.branch),
      contentPath: text('content_path', DEFAULT_SETTINGS.contentPath).replace(/^\/+|\/+$/g, ''),
      language: text('language', DEFAULT_SETTINGS.language),
      linkCheckSkip,
    },
    problems,
  };
}

/** "Edit this page": GitHub's editor for the page's source on the configured branch. */
export function editUrlOf(settings: SiteSettings, inputPath: string): string | undefined {
  if (!settings.repository) return undefined;
  const file = [settings.contentPath, inputPath].filter(Boolean).join('/');
  return `${settings.repository}/edit/${encodeURI(settings.branch)}/${encodeURI(file)}`;
}

/** "Open an issue" about one page, its title filled in. */
export function issueUrlOf(settings: SiteSettings, pageTitle: string): string | undefined {
  if (!settings.repository) return undefined;
  return `${settings.repository}/issues/new?title=${encodeURIComponent(`Feedback on "${pageTitle}"`)}`;
}
