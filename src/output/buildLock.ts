// One build at a time per output folder: a lock file in its builds folder, created exclusively
// and holding the process id, so a killed build's lock is known to be stale and taken over.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildsFolderOf, LOCK } from './buildsFolder.ts';
import { OutputRefusedError } from './outputSafety.ts';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id in a lock file; NaN when it is empty or unreadable (a stale lock). */
function lockPid(file: string): number {
  return Number.parseInt(readFileSync(file, 'utf8'), 10);
}

/** The one-line refusal for an output whose builds folder cannot be made. */
function cannotCreate(outputDir: string, folder: string, error: unknown): OutputRefusedError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new OutputRefusedError(`the output folder ${outputDir} cannot be created: ${folder} cannot be made (${reason}). Pass another folder with --output=DIR.`);
}

/**
 * Makes a folder and those above it, one level at a time and each tried once more at most, so a
 * path no folder can be made in (`/proc/self/x`) fails instead of retrying forever as Node's
 * recursive mkdir does there.
 */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(folder).isDirectory()) return;
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw error;
    makeFolder(parent);
    try {
      mkdirSync(folder);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(folder).isDirectory()) throw again;
    }
  }
}

/**
 * Takes the output's lock: a file holding this process's id, linked into place whole (written
 * under another name first), so the lock never exists without its content. A lock whose process
 * is gone (a killed build), or an empty or unreadable one, is stale and taken over. Released when
 * the process exits.
 */
export function lockOutput(outputDir: string): void {
  const builds = buildsFolderOf(outputDir);
  const ensureBuilds = () => {
    try {
      makeFolder(builds);
    } catch (error) {
      throw cannotCreate(outputDir, builds, error);
    }
  };
  ensureBuilds();
  const lock = path.join(builds, LOCK);
  const temp = path.join(builds, `${LOCK}.new-${process.pid}`);
  const writeTemp = () => {
    try {
      writeFileSync(temp, `${process.pid}\n`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotCreate(outputDir, temp, error);
      // A refused build removed the empty builds folder this instant.
      ensureBuilds();
      writeFileSync(temp, `${process.pid}\n`);
    }
  };
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      writeTemp();
      try {
        linkSync(temp, lock);
        process.once('exit', () => releaseLock(outputDir));
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          ensureBuilds();
          continue;
        }
        if (code !== 'EEXIST') throw cannotCreate(outputDir, lock, error);
      }
      let holder: number;
      try {
        holder = lockPid(lock);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
        holder = Number.NaN; // unreadable: stale
      }
      if (!Number.isNaN(holder) && isAlive(holder)) {
        throw new OutputRefusedError(
          `another build (process ${holder}) is writing ${outputDir}; run this one when it has finished (npm start holds its output folder while it runs). Its lock is ${lock}; if no build is running, delete it.`,
        );
      }
      // Stale: move it aside, then make sure what was moved is the stale lock and not one a
      // third build took over meanwhile (which is put back).
      const aside = path.join(builds, `${LOCK}.stale-${process.pid}`);
      try {
        renameSync(lock, aside);
      } catch {
        continue;
      }
      let moved: number;
      try {
        moved = lockPid(aside);
      } catch {
        moved = Number.NaN;
      }
      if (!(Number.isNaN(moved) && Number.isNaN(holder)) && moved !== holder) {
        try {
          linkSync(aside, lock);
        } catch {
          // Another build holds the lock now; the loop finds it.
        }
      }
      unlinkSync(aside);
    }
  } finally {
    rmSync(temp, { force: true });
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
