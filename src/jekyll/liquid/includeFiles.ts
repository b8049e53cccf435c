// The files Liquid reads: includes from `_includes` only, and never a file outside the site
// (a link in `_includes` to another file of the site is followed).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FS } from 'liquidjs';
import { isInsideFolder, realPathInside, walkInside } from '../../security/symlinks.ts';

/** Quotes around an include's file name (`{% include "x.html" %}`) are not part of the name. */
export const unquote = (file: string) => file.trim().replace(/^(['"])(.*)\1$/, '$2');

/**
 * Files as Liquid reads them. `contains` (Liquid asks only when an fs has it) keeps includes
 * in `_includes`: `{% include ../../etc/passwd %}` is not found, nor a link in `_includes` to a
 * file outside the site (a link to another file of the site is followed).
 */
export function includeFileSystem(rootDir: string): FS {
  const contains = (includesDir: string, file: string) =>
    isInsideFolder(path.resolve(includesDir), path.resolve(file)) && path.resolve(includesDir) !== path.resolve(file) && realPathInside(rootDir, file) !== undefined;
  return {
    exists: (file) => Promise.resolve(existsSync(file)),
    existsSync: (file) => existsSync(file) && statSync(file).isFile(),
    readFile: (file) => Promise.resolve(readFileSync(file, 'utf8')),
    readFileSync: (file) => readFileSync(file, 'utf8'),
    resolve: (dir, file, ext) => path.resolve(dir, unquote(file) + (path.extname(unquote(file)) ? '' : ext)),
    contains: (root, file) => Promise.resolve(contains(root, file)),
    containsSync: contains,
    sep: path.sep,
    dirname: (file) => path.dirname(file),
  };
}

/** An include that would read a file outside the site (or outside `_includes`): never read. */
export class OutsideIncludeError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** Every file under a folder, relative to it with `/` (links followed only inside `rootDir`). */
export function filesUnder(dir: string, rootDir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  walkInside(dir, { rootDir, state: true, file: (file) => found.push(file.relative) });
  return found;
}
