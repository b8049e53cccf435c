// One build at a time per output folder: a lock file in its builds folder, created exclusively
// and holding the process id, so a killed build's lock is known to be stale and taken over.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
