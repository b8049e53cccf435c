import { ContentFormat } from '../content/contentFormat.ts';
import { openJekyllInputIfAny } from '../jekyll/findJekyllRoot.ts';
import type { InputFormat } from './inputFormat.ts';

/**
 * The input an `--input` folder holds: a Jekyll guide (a `_config.yml`), built as it is with its
 * `baseurl` as the path prefix unless one is given, or a folder of our own pages.
 */
export async function openInput(input: string, explicitPathPrefix?: string): Promise<InputFormat> {
  return (await openJekyllInputIfAny(input, explicitPathPrefix)) ?? new ContentFormat(input, explicitPathPrefix ?? '/');
}
