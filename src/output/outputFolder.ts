// The output folder (`_site`) and how a build replaces it: start a build under the lock, then
// publish it or discard it. The parts, each in its own file:
//   buildsFolder.ts  where builds go (`_site.guidebook/builds/<id>/`) and its names;
//   buildLock.ts     one build at a time per output folder;
//   outputSafety.ts  whether a folder may be used at all;
//   foreignFiles.ts  files in the output this generator did not write (never deleted);
//   linkSwap.ts      publishing by renaming a new link over `_site`, and cleaning up after kills.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lockOutput, releaseLock } from './buildLock.ts';
import { BUILDS, buildsFolderOf, isRealFolder, OUTPUT_MARKER, publishedBuild } from './buildsFolder.ts';
import { filesNotOurs, markerWithFileList, notOursReason } from './foreignFiles.ts';
import { cleanUp, newBuildId, swapIn } from './linkSwap.ts';
import { OutputRefusedError, unsafeOutputReason } from './outputSafety.ts';

/**
 * Starts a build into `outputDir`: takes the lock, checks again (under it) that the output holds
 * nothing we did not write, cleans what a killed build left and returns a fresh, empty build folder.
 * Throws OutputRefusedError when the output cannot be used.
 */
export function startBuild(outputDir: string, inputDir: string): string {
  lockOutput(outputDir);
  const unsafe = unsafeOutputReason(inputDir, outputDir);
  if (unsafe) {
    leaveNothingBehind(outputDir);
    throw new OutputRefusedError(unsafe);
  }
  cleanUp(outputDir);
  const folder = path.join(buildsFolderOf(outputDir), BUILDS, newBuildId());
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * Publishes a finished build: lists its files in its marker, then swaps it in. Throws
 * OutputRefusedError (and drops the build) when files we did not write appeared in the
 * published site while this build ran.
 */
export function publishBuild(outputDir: string, build: string, inputDir: string): void {
  const output = path.resolve(outputDir);
  const was = publishedBuild(output) ?? (isRealFolder(output) ? output : undefined);
  const strangers = was && existsSync(was) ? filesNotOurs(was, inputDir) : [];
  if (strangers.length > 0) {
    discardBuild(outputDir, build);
    throw new OutputRefusedError(notOursReason(outputDir, strangers));
  }
  writeFileSync(path.join(build, OUTPUT_MARKER), markerWithFileList(build));
  swapIn(output, build);
}

/**
 * The dev server's build folder (under the lock, held until the server stops). It writes pages
 * as it goes, so its marker lists no files.
 */
export function startDevServerBuild(outputDir: string, inputDir: string): string {
  const folder = startBuild(outputDir, inputDir);
  writeFileSync(path.join(folder, OUTPUT_MARKER), 'Written by the guidebook dev server; the next build replaces this folder.\n');
  return folder;
}

/** Publishes the dev server's build folder once its first build is written. */
export function publishDevServerBuild(outputDir: string, build: string): void {
  swapIn(path.resolve(outputDir), build);
}

/** Drops a failed build's folder and the lock; a builds folder left with no build goes too. */
export function discardBuild(outputDir: string, build: string): void {
  rmSync(build, { recursive: true, force: true });
  leaveNothingBehind(outputDir);
}

/** Releases the lock, and removes the builds folder when no site was ever published from it. */
function leaveNothingBehind(outputDir: string): void {
  releaseLock(outputDir);
  const builds = buildsFolderOf(outputDir);
  const buildsDir = path.join(builds, BUILDS);
  if (existsSync(buildsDir) && readdirSync(buildsDir).length > 0) return;
  const left = existsSync(builds) ? readdirSync(builds) : [];
  if (left.every((name) => name === BUILDS)) rmSync(builds, { recursive: true, force: true });
}
