// What a Jekyll guide's `_config.yml` gives the site (its settings), and what in it the
// generator does not use (noted in the migration report).
import { execFileSync } from 'node:child_process';
import { DEFAULT_SETTINGS, type SiteSettings } from '../site/settings.ts';
import { CONFIG_FILE, repositoryUrl, unusedConfigKeys, type JekyllConfig } from './jekyllConfig.ts';
import type { MigrationReport } from './migrationReport.ts';

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

/** The site settings the guide's `_config.yml` gives (name, URL, repository for edit links, language). */
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

/** Notes for the report: settings of themes and plugins, plugins not run, another Markdown, a theme replaced. */
export function noteUnusedConfig(config: JekyllConfig, report: MigrationReport): void {
  const unused = unusedConfigKeys(config);
  if (unused.length > 0) report.siteNote(`${CONFIG_FILE}: settings of themes and plugins, not used: ${unused.join(', ')}.`);
  const plugins = [config.raw.plugins, config.raw.gems].flatMap((p) => (Array.isArray(p) ? p.map(String) : []));
  if (plugins.length > 0) report.siteNote(`${CONFIG_FILE}: Jekyll plugins not run: ${plugins.join(', ')} (redirects and includes are handled; others are reported where pages use them).`);
  if (config.markdown.toLowerCase() !== 'kramdown') report.siteNote(`${CONFIG_FILE}: markdown: ${config.markdown} — pages are rendered as kramdown (GFM) renders them.`);
  if (config.raw.theme || config.raw.remote_theme) report.siteNote(`${CONFIG_FILE}: the theme ${String(config.raw.theme ?? config.raw.remote_theme)} is replaced by the generator's layout.`);
}
