// A Liquid error as a problem for the editor: the file and line of the tag, and what to do (an
// include outside `_includes`, a missing include and the nearest name, a tag Jekyll would reject).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from '../../content/errors.ts';
import { closestMatch } from '../../content/closestMatch.ts';
import { isInsideFolder, realPathInside } from '../../security/symlinks.ts';
import { OutsideIncludeError, unquote } from './includeFiles.ts';

/** Where includes come from, for messages about them. */
export interface IncludeSite {
  rootDir: string;
  includesDir: string;
  /** How messages name files: the site root as the editor sees it. */
  shownRoot: string;
  /** The theme the site names, whose includes are not in `_includes`. */
  theme?: string;
  /** The files in `_includes`, relative to it. */
  includeFiles: readonly string[];
}

/** The page whose Liquid failed: how messages name it, its body, and the file line the body starts on. */
export interface FailedPage {
  file: string;
  body: string;
  bodyLine: number;
}

/** A Liquid error met while parsing or rendering a page, as a problem for the editor. */
export function liquidProblem(error: unknown, { file, body, bodyLine }: FailedPage, site: IncludeSite): ContentProblem {
  const liquidError = error as { message?: string; token?: { begin: number; end: number; input: string; file?: string; getPosition?: () => number[] }; originalError?: Error };
  const token = liquidError.token;
  const inPage = token && (!token.file || token.input === body);
  const [line] = token?.getPosition?.() ?? [];
  const tagText = token ? token.input.slice(token.begin, token.end).trim() : '';
  const shownFile = inPage || !token?.file ? file : shown(site, token.file);
  const fileLine = line === undefined ? undefined : inPage ? bodyLine + line - 1 : line;
  const reason = (liquidError.originalError?.message ?? liquidError.message ?? String(error)).replace(/, line:\d+, col:\d+$/, '');

  const problem = (message: string, hint: string): ContentProblem => ({ severity: 'error', file: shownFile, line: fileLine, message, hint });

  const outside = liquidError.originalError instanceof OutsideIncludeError ? liquidError.originalError : error instanceof OutsideIncludeError ? error : undefined;
  if (outside) return problem(`\`${tagText}\`: ${outside.message}.`, outside.hint);
  const missing = /Failed to lookup "([^"]+)"/.exec(reason);
  if (missing) {
    const name = unquote(missing[1]!);
    const { includesDir } = site;
    const resolved = path.resolve(includesDir, name);
    if (!isInsideFolder(path.resolve(includesDir), resolved) || (existsSync(resolved) && realPathInside(site.rootDir, resolved) === undefined)) {
      return problem(
        `\`${tagText}\`: ${name} is outside _includes/; includes are read from _includes/ only, never from outside the site.`,
        'Move the file into _includes/ (as a file, not a link) and include it by its name there.',
      );
    }
    const suggestion = closestMatch(name, site.includeFiles);
    const themeHint = site.theme ? ` If it comes from the theme ${site.theme}, copy it into _includes/.` : '';
    return problem(
      `\`${tagText}\`: there is no file ${name} in _includes/.`,
      (suggestion ? `Did you mean ${suggestion}?` : `Files in _includes/: ${site.includeFiles.slice(0, 8).join(', ') || 'none'}.`) + themeHint,
    );
  }
  return problem(
    `Liquid ${tagText ? `in \`${tagText}\`` : ''}: ${reason}.`.replace('Liquid :', 'Liquid:'),
    'Jekyll would stop on this too; check the tag\'s spelling and that every block tag has its end tag.',
  );
}

function shown(site: IncludeSite, absolute: string): string {
  const relative = path.relative(site.rootDir, absolute).split(path.sep).join('/');
  return site.shownRoot ? `${site.shownRoot}/${relative}` : relative;
}
