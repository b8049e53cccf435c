// Publishing by link swap: a build is published by renaming a new link over the output path.
// rename(2) replaces the old link in one step, so at every moment the output is the whole old
// site or the whole new one, whenever the build is killed; what a killed build left is cleaned
// up by the next one, under the lock.
import { existsSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { BUILDS, buildsFolderOf, isRealFolder, lstatOrUndefined, NEXT_LINK, OUTPUT_MARKER, publishedBuild } from './buildsFolder.ts';

let lastBuildTime = 0;
/** The name ending of an old output folder moved aside when first migrated: kept, never deleted. */
const BEFORE = '-before';

/**
 * Ids sort in the order builds started. Two builds of one process in the same millisecond (a
 * test, a quick dev server rebuild) get different ids: the time given is always past the last.
 */
export function newBuildId(): string {
  lastBuildTime = Math.max(Date.now(), lastBuildTime + 1);
  return `${lastBuildTime.toString(36).padStart(9, '0')}-${process.pid}`;
}

/** Points the output path at a build folder in one rename, whatever was there (a link, nothing). */
function linkOutput(output: string, build: string): void {
  const next = path.join(buildsFolderOf(output), NEXT_LINK);
  rmSync(next, { force: true });
  // Relative, so the output folder and its builds folder can move together.
  symlinkSync(path.relative(path.dirname(output), build), next, 'dir');
  renameSync(next, output);
}

/**
 * Under the lock, removes what a killed build left (build folders the output does not point to,
 * a half-made link) and puts back an output link lost in the moment of a first migration.
 */
export function cleanUp(outputDir: string): void {
  const builds = buildsFolderOf(outputDir);
  const buildsDir = path.join(builds, BUILDS);
  rmSync(path.join(builds, NEXT_LINK), { force: true });
  if (!existsSync(buildsDir)) return;
  const output = path.resolve(outputDir);
  if (!lstatOrUndefined(output)) {
    const finished = readdirSync(buildsDir).filter((id) => existsSync(path.join(buildsDir, id, OUTPUT_MARKER))).sort();
    if (finished.length > 0) linkOutput(output, path.join(buildsDir, finished.at(-1)!));
  }
  const published = publishedBuild(output);
  for (const id of readdirSync(buildsDir)) {
    const folder = path.join(buildsDir, id);
    // An old site moved aside (`-before`) may hold files someone else put there: never deleted.
    if (folder !== published && !id.endsWith(BEFORE)) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Renames a new link over the output path, then deletes the older builds. An output folder
 * written before builds folders is first moved into the builds folder: the one moment without
 * an output path, once (the next build links it again if a kill falls in that moment).
 */
export function swapIn(output: string, build: string): void {
  if (isRealFolder(output)) {
    const kept = path.join(buildsFolderOf(output), BUILDS, `${newBuildId()}${BEFORE}`);
    renameSync(output, kept);
    console.log(`The old output folder ${output} was moved to ${kept}; delete it when you no longer need it.`);
  }
  linkOutput(output, build);
  cleanUp(output);
}
