// `--input` and `--output` checked before anything reads or writes them: a wrong folder gets one
// line saying what is wrong and which flag fixes it, never a stack trace from deep in a build.
import { accessSync, constants, lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { buildsFolderOf } from '../output/buildsFolder.ts';

const INPUT_HINT = 'Pass --input=DIR with your pages.';
const OUTPUT_HINT = 'Pass another folder with --output=DIR.';
const BUILT_SITE_HINT = 'Build it first with `npm run build` (or point --output=DIR at a built site).';

/** What a path names, without throwing: nothing, a dangling or looping link, a file, a folder. */
type PathKind = { kind: 'missing' } | { kind: 'broken-link'; target: string } | { kind: 'file' } | { kind: 'folder' } | { kind: 'unreachable'; code: string };

function pathKind(file: string): PathKind {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOTDIR') return { kind: 'missing' };
    if (code !== 'ENOENT' && code !== 'ELOOP') return { kind: 'unreachable', code };
    // stat follows links: the path may be a link whose target is gone.
    try {
      if (lstatSync(file).isSymbolicLink()) return { kind: 'broken-link', target: readlinkSync(file) };
    } catch {
      // Not there at all.
    }
    return { kind: 'missing' };
  }
  return stats.isDirectory() ? { kind: 'folder' } : { kind: 'file' };
}

/** Whether the folder's entries can be listed (read and search permission). */
function readable(folder: string): boolean {
  try {
    accessSync(folder, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a folder cannot take new entries (one reason), or undefined when it can. */
function notWritable(folder: string): string | undefined {
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    return `${folder} is not writable (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Why `--input` cannot be read as a content folder (one line), or undefined when it can. */
export function inputFolderProblem(input: string): string | undefined {
  const found = pathKind(input);
  const name = `the content folder ${input}`;
  switch (found.kind) {
    case 'missing':
      return `error: ${name} does not exist. ${INPUT_HINT}`;
    case 'broken-link':
      return `error: ${name} is a link to ${found.target}, which does not exist. ${INPUT_HINT}`;
    case 'file':
      return `error: ${name} is a file, not a folder. ${INPUT_HINT}`;
    case 'unreachable':
      return `error: ${name} cannot be opened (${found.code}). ${INPUT_HINT}`;
    case 'folder':
      return readable(input) ? undefined : `error: ${name} cannot be read (permission denied). Pass --input=DIR with a folder you can read, or change its permissions.`;
  }
}

/**
 * Why the build cannot write its site to `--output` (one line), or undefined when it can: the
 * folder may be missing, but then whatever holds it must be a folder (or missing) too.
 */
export function outputFolderProblem(output: string): string | undefined {
  const found = pathKind(output);
  const name = `the output folder ${output}`;
  switch (found.kind) {
    case 'folder': {
      // The builds folder beside it is made in the folder that holds the output.
      const builds = buildsFolderOf(output);
      const blocked = pathKind(builds).kind === 'missing' ? notWritable(path.dirname(builds)) : undefined;
      return blocked ? `error: ${name} cannot be used: its builds folder ${builds} cannot be created: ${blocked}. ${OUTPUT_HINT}` : undefined;
    }
    case 'file':
      return `error: the output ${output} is a file, not a folder. ${OUTPUT_HINT}`;
    case 'broken-link':
      return `error: ${name} is a link to ${found.target}, which does not exist. ${OUTPUT_HINT}`;
    case 'unreachable':
      return `error: ${name} cannot be opened (${found.code}). ${OUTPUT_HINT}`;
    case 'missing': {
      // The nearest existing ancestor must be a folder, or the build could not create this one.
      for (let parent = path.dirname(path.resolve(output)); ; parent = path.dirname(parent)) {
        const above = pathKind(parent);
        if (above.kind === 'folder') {
          const blocked = notWritable(parent);
          return blocked ? `error: ${name} cannot be created: ${blocked}. ${OUTPUT_HINT}` : undefined;
        }
        if (above.kind === 'file') return `error: ${name} cannot be created: ${parent} is a file, not a folder. ${OUTPUT_HINT}`;
        if (above.kind === 'broken-link') return `error: ${name} cannot be created: ${parent} is a link to ${above.target}, which does not exist. ${OUTPUT_HINT}`;
        if (above.kind === 'unreachable') return `error: ${name} cannot be created: ${parent} cannot be opened (${above.code}). ${OUTPUT_HINT}`;
        if (parent === path.dirname(parent)) return undefined;
      }
    }
  }
}

/** Why `--output` holds no built site for `npm run check-links` (one line), or undefined. */
export function builtSiteProblem(output: string): string | undefined {
  const found = pathKind(output);
  switch (found.kind) {
    case 'folder':
      return readable(output) ? undefined : `error: the built site ${output} cannot be read (permission denied). Pass --output=DIR with a folder you can read.`;
    case 'file':
      return `error: the output ${output} is a file, not a built site. ${BUILT_SITE_HINT}`;
    case 'broken-link':
      return `error: the output folder ${output} is a link to ${found.target}, which does not exist. ${BUILT_SITE_HINT}`;
    case 'unreachable':
      return `error: the output folder ${output} cannot be opened (${found.code}). ${BUILT_SITE_HINT}`;
    case 'missing':
      return `error: there is no built site in ${output}. ${BUILT_SITE_HINT}`;
  }
}
