import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from './jekyllConfig.ts';

/**
 * The root of the Jekyll site an `--input` names: the folder itself when it has `_config.yml`,
 * or its parent for `--input=SITE/_pages` (any `_`-folder beside a `_config.yml`).
 */
export function findJekyllRoot(input: string): string | undefined {
  const dir = path.resolve(input);
  if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
  const parent = path.dirname(dir);
  if (path.basename(dir).startsWith('_') && existsSync(path.join(parent, CONFIG_FILE))) return parent;
  return undefined;
}

/**
 * `openJekyllInput` when the input is a Jekyll guide. The Jekyll code (its Markdown dialect,
 * Liquid, the report) loads only then: it costs every other build a sixth of a second.
 */
export async function openJekyllInputIfAny(input: string, explicitPathPrefix?: string) {
  if (!findJekyllRoot(input)) return undefined;
  const { openJekyllInput } = await import('./jekyllFormat.ts');
  return openJekyllInput(input, explicitPathPrefix);
}
