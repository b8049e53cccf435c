import type { FrontMatterDefault } from './jekyllConfig.ts';
import { matchesEntry } from './siteFiles.ts';

/**
 * A file's front matter with `_config.yml`'s `defaults:` under it, as Jekyll merges them: a
 * default applies when its `scope.path` contains the file (and `scope.type` matches the file's
 * collection, `pages` for plain pages); a longer path beats a shorter one, a later entry an
 * earlier one, and the file's own front matter beats every default.
 */
export function withDefaults(
  data: Record<string, unknown>,
  relativePath: string,
  type: string,
  defaults: readonly FrontMatterDefault[],
): { data: Record<string, unknown>; from: Map<string, FrontMatterDefault> } {
  const applicable = defaults
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => (entry.type === undefined || entry.type === type) && (entry.path === '' || matchesEntry(relativePath, entry.path)))
    .sort((a, b) => a.entry.path.length - b.entry.path.length || a.index - b.index);
  const merged: Record<string, unknown> = {};
  const from = new Map<string, FrontMatterDefault>();
  for (const { entry } of applicable) {
    for (const [key, value] of Object.entries(entry.values)) {
      merged[key] = value;
      from.set(key, entry);
    }
  }
  for (const key of Object.keys(data)) from.delete(key);
  return { data: { ...merged, ...data }, from };
}
