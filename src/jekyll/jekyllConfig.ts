import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../content/errors.ts';
import { loadTolerantYaml, yamlErrorInfo } from './tolerantYaml.ts';

export const CONFIG_FILE = '_config.yml';

/** A collection (`collections:`): a folder `_<label>` of documents. */
export interface JekyllCollection {
  label: string;
  /** Whether Jekyll wrote the documents as pages (`output: true`). */
  output: boolean;
  /** URL template, e.g. `/:path/`; undefined: Jekyll's default for the site's permalink style. */
  permalink?: string;
  /** Folder relative to the site root, e.g. `_pages`. */
  dir: string;
}

/** One entry of `defaults:`: front matter values for every file under a path (and of a type). */
export interface FrontMatterDefault {
  path: string;
  type?: string;
  values: Record<string, unknown>;
}

/** `_config.yml`, read as Jekyll reads it, with what we honour picked out. */
export interface JekyllConfig {
  /** How the file is named in messages. */
  file: string;
  raw: Record<string, unknown>;
  /** 1-based line of each top-level key. */
  keyLines: Map<string, number>;
  text: string;
  title: string;
  description: string;
  /** Where the site was published (`url`), without a trailing slash. */
  url: string;
  /** `baseurl` as a path: '' or `/before-you-ship`. */
  baseurl: string;
  /** The site-wide `permalink:` (`pretty`, a style name, or a template). */
  permalink: string;
  collections: JekyllCollection[];
  defaults: FrontMatterDefault[];
  exclude: string[];
  include: string[];
  /** The repository on GitHub, as an https URL, for "Edit this page". */
  repository?: string;
  branch?: string;
  language?: string;
  /** The `navigation:` list as written. */
  navigation?: unknown;
  /** The Markdown converter the site named (`kramdown`, `redcarpet`…). */
  markdown: string;
}

/** Top-level keys we read; every other key belongs to a theme or plugin and goes in the report. */
export const HONOURED_CONFIG_KEYS = [
  'title', 'name', 'description', 'url', 'baseurl', 'permalink', 'collections', 'collections_dir', 'defaults',
  'exclude', 'include', 'repository', 'repo_url', 'repos', 'branch', 'default_branch', 'navigation', 'markdown',
  'kramdown', 'lang', 'plugins', 'gems', 'theme', 'remote_theme',
];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

const list = (value: unknown): string[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map((v) => String(v).trim()).filter(Boolean);

/** `baseurl` as a path prefix without trailing slash: `before-you-ship/` -> `/before-you-ship`. */
export function normalizeBaseurl(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/** `owner/name`, a GitHub URL or a git URL, as `https://github.com/owner/name`. */
export function repositoryUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim().replace(/\.git$/, '').replace(/\/+$/, '');
  if (/^https?:\/\//.test(trimmed)) return trimmed;
  const ssh = /^git@([^:]+):(.+)$/.exec(trimmed);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  if (/^[\w.-]+\/[\w.-]+$/.test(trimmed)) return `https://github.com/${trimmed}`;
  return undefined;
}

function collectionsOf(raw: unknown, collectionsDir: string): JekyllCollection[] {
  const dirOf = (label: string) => path.posix.join(collectionsDir, `_${label}`);
  if (Array.isArray(raw)) {
    // The list form names collections without metadata: Jekyll does not write them.
    return raw.map((label) => ({ label: String(label), output: false, dir: dirOf(String(label)) }));
  }
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>).map(([label, meta]) => {
    const data = (meta && typeof meta === 'object' ? meta : {}) as Record<string, unknown>;
    return { label, output: data.output === true, permalink: text(data.permalink), dir: dirOf(label) };
  });
}

function defaultsOf(raw: unknown): FrontMatterDefault[] {
  if (!Array.isArray(raw)) return [];
  const found: FrontMatterDefault[] = [];
  for (const entry of raw) {
    if (!entry || typeof entry !== 'object') continue;
    const { scope, values } = entry as { scope?: Record<string, unknown>; values?: unknown };
    if (!values || typeof values !== 'object') continue;
    found.push({
      path: (text(scope?.path) ?? '').replace(/^\/+|\/+$/g, ''),
      type: text(scope?.type),
      values: values as Record<string, unknown>,
    });
  }
  return found;
}

function keyLinesOf(source: string): Map<string, number> {
  const lines = new Map<string, number>();
  source.split(/\r?\n/).forEach((row, index) => {
    const match = /^([A-Za-z_][\w-]*)\s*:/.exec(row);
    if (match && !lines.has(match[1]!)) lines.set(match[1]!, index + 1);
  });
  return lines;
}

/** Reads `_config.yml` of the site at `rootDir`; `shownFile` is how messages name it. */
export function readJekyllConfig(rootDir: string, shownFile: string): { config: JekyllConfig; problems: ContentProblem[] } {
  const file = path.join(rootDir, CONFIG_FILE);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const problems: ContentProblem[] = [];
  let loaded: unknown = {};
  try {
    loaded = loadTolerantYaml(source) ?? {};
  } catch (error) {
    const info = yamlErrorInfo(error);
    problems.push({
      severity: 'error',
      file: shownFile,
      line: info.line,
      message: `${CONFIG_FILE} is not valid YAML: ${info.reason}.`,
      hint: 'Jekyll reads the same file; fix the line so that both can.',
    });
  }
  const raw = (loaded && typeof loaded === 'object' && !Array.isArray(loaded) ? loaded : {}) as Record<string, unknown>;
  const repos = Array.isArray(raw.repos) ? (raw.repos as { url?: unknown }[]) : [];
  const config: JekyllConfig = {
    file: shownFile,
    raw,
    keyLines: keyLinesOf(source),
    text: source,
    title: text(raw.title) || text(raw.name) || path.basename(rootDir),
    description: text(raw.description) ?? '',
    url: (text(raw.url) ?? '').replace(/\/+$/, ''),
    baseurl: normalizeBaseurl(text(raw.baseurl)),
    permalink: text(raw.permalink) ?? 'date',
    collections: collectionsOf(raw.collections, (text(raw.collections_dir) ?? '').replace(/^\/+|\/+$/g, '')),
    defaults: defaultsOf(raw.defaults),
    exclude: list(raw.exclude),
    include: list(raw.include),
    repository: repositoryUrl(text(raw.repository)) ?? repositoryUrl(text(raw.repo_url)) ?? repositoryUrl(text(repos[0]?.url)),
    branch: text(raw.branch) ?? text(raw.default_branch),
    language: text(raw.lang),
    navigation: raw.navigation,
    markdown: text(raw.markdown) ?? 'kramdown',
  };
  return { config, problems };
}

/** Top-level keys of themes and plugins: parsed, kept for Liquid (`site.x`), not otherwise used. */
export function unusedConfigKeys(config: JekyllConfig): string[] {
  return Object.keys(config.raw).filter((key) => !HONOURED_CONFIG_KEYS.includes(key));
}
