// The output folder (`_site`) and how a build replaces it. `_site` is a relative symbolic link to
// the finished build in `_site.guidebook/builds/<id>/`, a folder beside it that holds the builds
// and the lock and nothing else. A build writes a fresh build folder, then renames a new link
// over `_site`: rename(2) replaces the old link in one step, so at every moment `_site` is the
// whole old site or the whole new one, whenever the build is killed.
import {
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** Marks a build folder (and, before builds folders, an output folder) as written by this generator. */
export const OUTPUT_MARKER = '.guidebook-output';
const MARKER_TEXT = 'Written by the guidebook generator; the next build replaces this folder.\n';
/** The marker of a finished build lists its files after this line, so files added later are known as someone else's. */
const FILE_LIST_HEADING = 'Its files:\n';
const BUILDS = 'builds';
const LOCK = 'lock';
/** The new link is made under this name in the builds folder, then renamed over the output path. */
const NEXT_LINK = 'next-link';

/** `_site.guidebook`: the folder beside the output, named after it, that holds its builds and lock. */
export function buildsFolderOf(outputDir: string): string {
  return `${path.resolve(outputDir)}.guidebook`;
}

/** The folders a content scan must skip: the output path and its builds folder. */
export function outputFolders(outputDir: string): string[] {
  return [path.resolve(outputDir), buildsFolderOf(outputDir)];
}

/** A path with every link resolved as far as it exists (the rest kept as written). */
function realPath(p: string): string {
  const absolute = path.resolve(p);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}

/** Whether `inner` is `outer` or below it. */
function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** The build folder the output link points to, when the output is a link this generator made. */
function publishedBuild(outputDir: string): string | undefined {
  const output = path.resolve(outputDir);
  if (!lstatOrUndefined(output)?.isSymbolicLink()) return undefined;
  const target = path.resolve(path.dirname(output), readlinkSync(output));
  return path.dirname(target) === path.join(buildsFolderOf(output), BUILDS) ? target : undefined;
}

/** The files a finished build listed in its marker, or undefined when it lists none (an older build, the dev server's). */
function listedFiles(folder: string): Set<string> | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(folder, OUTPUT_MARKER), 'utf8');
  } catch {
    return undefined;
  }
  const at = text.indexOf(FILE_LIST_HEADING);
  if (at < 0) return undefined;
  return new Set(text.slice(at + FILE_LIST_HEADING.length).split('\n').filter(Boolean));
}

/** Every file under `folder` but the marker, as `/`-separated paths relative to it. */
function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const relative = path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative !== OUTPUT_MARKER) files.push(relative);
  }
  return files.sort();
}

/**
 * What in a folder this generator did not write, as the shortest paths that name it (`.git`, not
 * every file below it). A finished build lists its files; a folder without the list (written
 * before builds listed their files, or by the dev server) is judged by name: builds write no
 * dot file but the marker, and no top-level file without an extension but `_headers` and
 * `_redirects`, unless the content folder's top level has a file of that name (a Jekyll guide's
 * `CNAME` is copied as it is).
 */
export function filesNotOurs(folder: string, inputDir?: string): string[] {
  const listed = listedFiles(folder);
  const found: string[] = [];
  if (listed) {
    const listedFolders = new Set<string>();
    for (const file of listed) {
      for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) listedFolders.add(dir);
    }
    const walk = (relative: string) => {
      for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (child === OUTPUT_MARKER) continue;
        if (entry.isDirectory()) {
          if (listedFolders.has(child)) walk(child);
          else found.push(child);
        } else if (!listed.has(child)) {
          found.push(child);
        }
      }
    };
    walk('');
    return found;
  }
  const inInput = (name: string) => inputDir !== undefined && existsSync(path.join(inputDir, name));
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const name = entry.name;
    if (name === OUTPUT_MARKER || name.startsWith('.staging-')) continue;
    if (name.startsWith('.') && !inInput(name)) found.push(name);
    else if (!entry.isDirectory() && path.extname(name) === '' && !['_headers', '_redirects'].includes(name) && !inInput(name)) found.push(name);
  }
  return found.sort();
}

/** "a", "a and b", "a, b and c". */
function listed(names: readonly string[]): string {
  const shown = names.length > 6 ? [...names.slice(0, 5), `${names.length - 5} more`] : names;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function notOursReason(outputDir: string, names: readonly string[]): string {
  return `the output folder ${outputDir} holds ${listed(names)}, which this generator did not write; it never deletes them. Choose another --output, or move them.`;
}

/** Why an output folder may not be used, or undefined when it is safe. */
export function unsafeOutputReason(inputDir: string, outputDir: string): string | undefined {
  const input = realPath(inputDir);
  const output = path.resolve(outputDir);
  const builds = buildsFolderOf(output);
  // Compared as written and with links resolved: a link may lead to the content folder.
  for (const candidate of new Set([output, realPath(output)])) {
    if (candidate === input) return `the output folder ${outputDir} is the content folder; the build would overwrite your pages.`;
    if (isWithin(input, candidate)) return `the output folder ${outputDir} contains the content folder ${inputDir}; cleaning it would delete your pages.`;
  }
  for (const candidate of new Set([builds, realPath(builds)])) {
    if (isWithin(input, candidate)) {
      return `the builds folder ${path.basename(builds)} beside the output folder ${outputDir} would hold the content folder ${inputDir}; choose another --output.`;
    }
  }

  const builtThere = lstatOrUndefined(builds);
  if (builtThere) {
    if (!builtThere.isDirectory()) return `${builds}, where the builds of ${outputDir} go, is not a folder this generator made; choose another --output, or move it.`;
    const ours = (name: string) => name === BUILDS || name === LOCK || name === NEXT_LINK || name.startsWith(`${LOCK}.stale-`);
    const strangers = readdirSync(builds).filter((name) => !ours(name));
    if (strangers.length > 0) return `the builds folder ${builds} holds ${listed(strangers)}, which this generator did not write; it never deletes them. Choose another --output, or move them.`;
  }

  const stat = lstatOrUndefined(output);
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) {
    const build = publishedBuild(output);
    if (!build) return `the output ${outputDir} is a link to ${readlinkSync(output)}, which this generator did not make; choose another --output, or remove the link.`;
    if (!existsSync(build)) return undefined;
    const strangers = filesNotOurs(build, inputDir);
    return strangers.length > 0 ? notOursReason(outputDir, strangers) : undefined;
  }
  if (!stat.isDirectory()) return `the output ${outputDir} is a file, not a folder.`;
  const entries = readdirSync(output);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return `the output folder ${outputDir} already holds files this generator did not write; choose an empty or new folder.`;
  }
  const strangers = filesNotOurs(output, inputDir);
  return strangers.length > 0 ? notOursReason(outputDir, strangers) : undefined;
}

/** The output cannot be used now: another build holds it, or it holds files we did not write. */
export class OutputRefusedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const lockPid = (file: string) => Number.parseInt(readFileSync(file, 'utf8'), 10);

/**
 * Takes the output's lock: a file created exclusively holding this process's id. A lock whose
 * process is gone (a killed build) is taken over. Released when the process exits.
 */
export function lockOutput(outputDir: string): void {
  const builds = buildsFolderOf(outputDir);
  mkdirSync(builds, { recursive: true });
  const lock = path.join(builds, LOCK);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      process.once('exit', () => releaseLock(outputDir));
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: a refused build removed the empty builds folder this instant.
      if (code === 'ENOENT') {
        mkdirSync(builds, { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    let holder: number;
    try {
      holder = lockPid(lock);
    } catch {
      continue; // released meanwhile
    }
    // An empty lock is one being written this instant: look again.
    if (Number.isNaN(holder) || isAlive(holder)) {
      if (!Number.isNaN(holder) || attempt > 10) {
        throw new OutputRefusedError(
          `another build (process ${Number.isNaN(holder) ? 'unknown' : holder}) is writing ${outputDir}; run this one when it has finished (npm start holds its output folder while it runs).`,
        );
      }
      continue;
    }
    // Stale: move it aside, then make sure what was moved is the dead one's lock and not one a
    // third build took over meanwhile (which is put back).
    const aside = path.join(builds, `${LOCK}.stale-${process.pid}`);
    try {
      renameSync(lock, aside);
    } catch {
      continue;
    }
    if (lockPid(aside) !== holder) {
      try {
        linkSync(aside, lock);
      } catch {
        // Another build holds the lock now; the loop finds it.
      }
    }
    unlinkSync(aside);
  }
  throw new OutputRefusedError(`could not take the lock ${lock}; if no build is running, delete it.`);
}

/** Drops the output's lock if this process holds it. */
export function releaseLock(outputDir: string): void {
  const lock = path.join(buildsFolderOf(outputDir), LOCK);
  try {
    if (lockPid(lock) === process.pid) unlinkSync(lock);
  } catch {
    // Not there: nothing to release.
  }
}

/**
 * Under the lock, removes what a killed build left (build folders the output does not point to,
 * a half-made link) and puts back an output link lost in the moment of a first migration.
 */
function cleanUp(outputDir: string): void {
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
    if (folder !== published) rmSync(folder, { recursive: true, force: true });
  }
}

/** Points the output path at a build folder in one rename, whatever was there (a link, nothing). */
function linkOutput(output: string, build: string): void {
  const next = path.join(buildsFolderOf(output), NEXT_LINK);
  rmSync(next, { force: true });
  // Relative, so the output folder and its builds folder can move together.
  symlinkSync(path.relative(path.dirname(output), build), next, 'dir');
  renameSync(next, output);
}

/** Ids sort in the order builds started. */
function newBuildId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${process.pid}`;
}

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
  writeFileSync(path.join(build, OUTPUT_MARKER), `${MARKER_TEXT}${FILE_LIST_HEADING}${filesUnder(build).join('\n')}\n`);
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

/** A folder itself, not a link to one. */
function isRealFolder(p: string): boolean {
  return lstatOrUndefined(p)?.isDirectory() ?? false;
}

/**
 * Renames a new link over the output path, then deletes the older builds. An output folder
 * written before builds folders is first moved into the builds folder: the one moment without
 * an output path, once (the next build links it again if a kill falls in that moment).
 */
function swapIn(output: string, build: string): void {
  if (isRealFolder(output)) renameSync(output, path.join(buildsFolderOf(output), BUILDS, `${newBuildId()}-before`));
  linkOutput(output, build);
  cleanUp(output);
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
