// Where a build goes: `_site` is a relative symbolic link to the finished build in
// `_site.guidebook/builds/<id>/`, a folder beside it that holds the builds and the lock and
// nothing else. These are the names in it, and how to find the build the output points to.
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Marks a build folder (and, before builds folders, an output folder) as written by this generator. */
export const OUTPUT_MARKER = '.guidebook-output';
export const BUILDS = 'builds';
export const LOCK = 'lock';
/** The new link is made under this name in the builds folder, then renamed over the output path. */
export const NEXT_LINK = 'next-link';

/** `_site.guidebook`: the folder beside the output, named after it, that holds its builds and lock. */
export function buildsFolderOf(outputDir: string): string {
  return `${path.resolve(outputDir)}.guidebook`;
}

/** The folders a content scan must skip: the output path and its builds folder. */
export function outputFolders(outputDir: string): string[] {
  return [path.resolve(outputDir), buildsFolderOf(outputDir)];
}

export function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** A folder itself, not a link to one. */
export function isRealFolder(p: string): boolean {
  return lstatOrUndefined(p)?.isDirectory() ?? false;
}

/** The build folder the output link points to, when the output is a link this generator made. */
export function publishedBuild(outputDir: string): string | undefined {
  const output = path.resolve(outputDir);
  if (!lstatOrUndefined(output)?.isSymbolicLink()) return undefined;
  const target = path.resolve(path.dirname(output), readlinkSync(output));
  return path.dirname(target) === path.join(buildsFolderOf(output), BUILDS) ? target : undefined;
}
