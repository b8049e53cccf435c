import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { ContentValidationError, type ContentProblem } from '../content/errors.ts';

/**
 * Content from a pull request must not reach outside its folder. A symbolic link is followed
 * only when its real path is inside the input folder; a link that leads outside, dangles or
 * loops is refused. Every walk of the content goes through `walkInside`, and
 * `outsideLinkProblems` (run before anything is read) reports every refused link.
 */

/** One file or folder a walk meets, as the walk sees it (links already followed). */
export interface WalkEntry {
  name: string;
  /** Path as walked (through links), absolute. */
  absolute: string;
  /** Path relative to the folder the walk started in, with `/`. */
  relative: string;
  /** Real path (links resolved), absolute. */
  real: string;
  /** The entry is a symbolic link (to something inside the root). */
  isLink: boolean;
}

export type RefusedReason = 'outside' | 'dangling' | 'loop' | 'unread';

/** A link a walk did not follow. */
export interface RefusedLink {
  /** Where the link is, relative to the folder the walk started in, with `/` (its real folder, not a path through another link). */
  relative: string;
  /** What the link says (`readlink`), e.g. `/etc/passwd` or `..`. */
  target: string;
  /** Where it leads, when it leads anywhere. */
  real?: string;
  /** Whether it leads to a folder (`outside` and `loop` only). */
  isFolder: boolean;
  reason: RefusedReason;
  /** For `unread`: the folder the build never reads that the link leads into (`.git`, `node_modules`). */
  unreadFolder?: string;
}

export interface WalkOptions<S> {
  /** The folder nothing may leave: links are followed only when they stay inside it. */
  rootDir: string;
  /** State handed to the callbacks of the start folder's entries. */
  state: S;
  /** Whether to walk into a folder, and the state of its entries; `undefined` skips it. */
  enter?: (folder: WalkEntry, state: S) => S | undefined;
  /** A file (or a link to a file inside the root). */
  file?: (file: WalkEntry, state: S) => void;
  /** A link that leads outside the root, dangles or loops: never followed. */
  refused?: (link: RefusedLink, state: S) => void;
  /** Entries of each folder in name order (`localeCompare`), rather than as the file system lists them. */
  sorted?: boolean;
}

/** Whether `candidate` is `folder` or below it (both real, absolute paths). */
export function isInsideFolder(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The real path of `absolute` when it exists and is inside `rootDir`; otherwise undefined. */
export function realPathInside(rootDir: string, absolute: string): string | undefined {
  try {
    const real = realpathSync(absolute);
    return isInsideFolder(realpathSync(rootDir), real) ? real : undefined;
  } catch {
    return undefined;
  }
}

function linkTarget(absolute: string): string {
  try {
    return readlinkSync(absolute);
  } catch {
    return '?';
  }
}

/**
 * Walks `dir` (the root or a folder inside it), following links whose
 * real path is inside `rootDir`. A link that leads outside, points nowhere, or leads back into
 * a folder being walked is handed to `refused` and never read. A start folder that is itself
 * outside the root (a linked `_data/`) is not walked.
 */
export function walkInside<S>(dir: string, options: WalkOptions<S>): void {
  let rootReal: string;
  let startReal: string;
  try {
    rootReal = realpathSync(options.rootDir);
    startReal = realpathSync(dir);
  } catch {
    return;
  }
  if (!isInsideFolder(rootReal, startReal)) return;
  // Real paths of the folders being walked: a link back to one of them would never end.
  const walking = new Set<string>([startReal]);

  const walk = (absolute: string, relative: string, real: string, state: S) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return; // An unreadable folder: whatever reads it next reports it.
    }
    if (options.sorted) entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const childAbsolute = path.join(absolute, entry.name);
      const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
      let childReal = path.join(real, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        const target = linkTarget(childAbsolute);
        // Where the link really is: a link met again through a linked folder is named once, where it lives.
        const where = path.relative(startReal, childReal).split(path.sep).join('/');
        try {
          childReal = realpathSync(childAbsolute);
          const stats = statSync(childReal);
          isFolder = stats.isDirectory();
          isFile = stats.isFile();
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'dangling';
          options.refused?.({ relative: where, target, isFolder: false, reason }, state);
          continue;
        }
        if (!isInsideFolder(rootReal, childReal)) {
          options.refused?.({ relative: where, target, real: childReal, isFolder, reason: 'outside' }, state);
          continue;
        }
        const unread = unreadFolderOnWay(rootReal, childReal) ?? unreadFolderOnWay(rootReal, path.resolve(path.dirname(childAbsolute), target), path.resolve(options.rootDir));
        if (unread !== undefined) {
          options.refused?.({ relative: where, target, real: childReal, isFolder, reason: 'unread', unreadFolder: unread }, state);
          continue;
        }
        if (isFolder && walking.has(childReal)) {
          options.refused?.({ relative: where, target, real: childReal, isFolder, reason: 'loop' }, state);
          continue;
        }
      }
      const child: WalkEntry = { name: entry.name, absolute: childAbsolute, relative: childRelative, real: childReal, isLink };
      if (isFolder) {
        const childState = options.enter ? options.enter(child, state) : state;
        if (childState === undefined || walking.has(childReal)) continue;
        walking.add(childReal);
        walk(childAbsolute, childRelative, childReal, childState);
        walking.delete(childReal);
      } else if (isFile) {
        options.file?.(child, state);
      }
    }
  };
  walk(path.resolve(dir), '', startReal, options.state);
}

/**
 * The first folder on the way from `rootDir` to `candidate` that no walk reads (a dot folder,
 * `node_modules`), e.g. `.git`; undefined when there is none. A link into one would publish
 * what the build never reads (`.git/config` holds a CI checkout token).
 */
export function unreadFolderOnWay(rootReal: string, candidate: string, rootAsWalked?: string): string | undefined {
  const check = (root: string) => {
    if (!isInsideFolder(root, candidate)) return undefined;
    const segments = path.relative(root, candidate).split(path.sep).filter(Boolean);
    return segments.find((segment) => segment.startsWith('.') || segment === 'node_modules');
  };
  return check(rootReal) ?? (rootAsWalked ? check(rootAsWalked) : undefined);
}

/** Folders never read as content by default: dot folders and `node_modules` (`_`-folders are read: `_includes`, `_data`…). */
export function isReadByDefault(folder: Pick<WalkEntry, 'name'>): boolean {
  return !folder.name.startsWith('.') && folder.name !== 'node_modules';
}

/** A set of folders (the output folder…) matched by the path walked or by the real path. */
export function folderSet(dirs: readonly string[]): { has(entry: Pick<WalkEntry, 'absolute' | 'real'>): boolean } {
  const paths = new Set<string>();
  for (const dir of dirs) {
    paths.add(path.resolve(dir));
    try {
      paths.add(realpathSync(dir));
    } catch {
      // Not there yet (an output folder before its first build): its spelling is enough.
    }
  }
  return { has: (entry) => paths.has(entry.absolute) || paths.has(entry.real) };
}

export interface OutsideLinkOptions {
  /** How messages name the input folder (relative to the working folder, or absolute); '' when it is the working folder. */
  shownDir?: string;
  /** Whether the build reads a folder; default: all but dot folders and `node_modules`. */
  reads?: (folder: WalkEntry) => boolean;
}

function shownDirOf(inputDir: string): string {
  const relative = path.relative(process.cwd(), inputDir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : inputDir;
}

function problemOf(link: RefusedLink, shownDir: string): ContentProblem {
  const file = shownDir ? `${shownDir}/${link.relative}` : link.relative;
  const pointsTo = `is a symbolic link to ${link.target}${link.real && !path.isAbsolute(link.target) ? ` (${link.real})` : ''}`;
  const what = link.isFolder ? 'folder' : 'file';
  if (link.reason === 'outside') {
    return {
      severity: 'error',
      file,
      message: `${pointsTo}, outside the content folder; the build never reads or publishes files outside it.`,
      hint: `Replace the link with the ${what} itself.`,
    };
  }
  if (link.reason === 'unread') {
    return {
      severity: 'error',
      file,
      message: `${pointsTo}: a symbolic link into ${link.unreadFolder ?? '.git'}/, a folder the build never reads; the build never reads or publishes files there.`,
      hint: `Replace the link with the ${what} itself.`,
    };
  }
  if (link.reason === 'dangling') {
    return { severity: 'error', file, message: `${pointsTo}, which does not exist (or cannot be read).`, hint: 'Remove the link, or replace it with the file itself.' };
  }
  return {
    severity: 'error',
    file,
    message: `${pointsTo}, which leads back to ${link.isFolder ? 'a folder that holds the link' : 'itself'}: following it would never end.`,
    hint: 'Remove the link; to point readers at another page, write a Markdown link.',
  };
}

/**
 * Every symbolic link under `inputDir`, in any folder the build reads (`_includes/`, `_data/`
 * and the rest), that leads outside it, dangles or loops: one error each, naming the link and
 * where it points. Folders in `skipDirs` (the output folder) are not read.
 */
export function outsideLinkProblems(inputDir: string, skipDirs: readonly string[] = [], options: OutsideLinkOptions = {}): ContentProblem[] {
  const shownDir = options.shownDir ?? shownDirOf(path.resolve(inputDir));
  const reads = options.reads ?? isReadByDefault;
  const skip = folderSet(skipDirs);
  const byLink = new Map<string, ContentProblem>();
  walkInside(inputDir, {
    rootDir: inputDir,
    state: true,
    enter: (folder) => (skip.has(folder) || !reads(folder) ? undefined : true),
    refused: (link) => {
      if (!byLink.has(link.relative)) byLink.set(link.relative, problemOf(link, shownDir));
    },
  });
  return [...byLink.values()];
}

/** `outsideLinkProblems`, thrown: the build stops before it reads a single page. */
export function refuseOutsideLinks(inputDir: string, skipDirs: readonly string[] = [], options: OutsideLinkOptions = {}): void {
  const problems = outsideLinkProblems(inputDir, skipDirs, options);
  if (problems.length > 0) throw new ContentValidationError(problems);
}
