import { ContentFormat } from '../content/contentFormat.ts';
import { findJekyllRoot } from '../jekyll/findJekyllRoot.ts';
import type { InputFormat } from './inputFormat.ts';

/**
 * `openJekyllInput` when the input is a Jekyll guide. The Jekyll code (its Markdown dialect,
 * Liquid, the report) loads only then: it costs every other build a sixth of a second. Here and
 * not in findJekyllRoot.ts, which the Jekyll format imports: the two would import each other.
 */
async function openJekyllInputIfAny(input: string, explicitPathPrefix?: string) {
  if (!findJekyllRoot(input)) return undefined;
  const { openJekyllInput } = await import('../jekyll/jekyllFormat.ts');
  return openJekyllInput(input, explicitPathPrefix);
}

/**
 * The input an `--input` folder holds: a Jekyll guide (a `_config.yml`), built as it is with its
 * `baseurl` as the path prefix unless one is given, or a folder of our own pages.
 */
export async function openInput(input: string, explicitPathPrefix?: string): Promise<InputFormat> {
  return (await openJekyllInputIfAny(input, explicitPathPrefix)) ?? new ContentFormat(input, explicitPathPrefix ?? '/');
}
