import { existsSync } from 'node:fs';
import path from 'node:path';
import { realPathInside } from '../security/symlinks.ts';
import { CONFIG_FILE } from './jekyllConfig.ts';

/**
 * The root of the Jekyll site an `--input` names: the folder itself when it has `_config.yml`,
 * or its parent for `--input=SITE/_pages` (any `_`-folder beside a `_config.yml`).
 */
export function findJekyllRoot(input: string): string | undefined {
  const dir = path.resolve(input);
  if (hasOwnConfig(dir)) return dir;
  const parent = path.dirname(dir);
  if (path.basename(dir).startsWith('_') && hasOwnConfig(parent)) return parent;
  return undefined;
}

/**
 * A `_config.yml` that is the folder's own: a link to a file outside it is not (the config would
 * be read before any check). Such a folder builds as our content, whose link check names the link.
 */
function hasOwnConfig(dir: string): boolean {
  const config = path.join(dir, CONFIG_FILE);
  return existsSync(config) && realPathInside(dir, config) !== undefined;
}
