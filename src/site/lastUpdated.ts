import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * When each file under `dir` was last changed, from one `git log` over the whole folder (not
 * one call per page). Keys are paths relative to `dir` with `/`. Outside git: an empty map.
 */
export function readLastUpdated(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let log: string;
  try {
    log = execFileSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x00%cI', '--name-only', '--relative', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates;
  }
  return parseGitLog(log, dates);
}

/** Parses `git log --format=%x00%cI --name-only`: newest commit first, so the first date seen wins. */
export function parseGitLog(log: string, dates = new Map<string, Date>()): Map<string, Date> {
  for (const commit of log.split('\0')) {
    const lines = commit.split('\n');
    const date = new Date(lines[0]!.trim());
    if (Number.isNaN(date.getTime())) continue;
    for (const line of lines.slice(1)) {
      const file = line.trim().split(path.sep).join('/');
      if (file && !dates.has(file)) dates.set(file, date);
    }
  }
  return dates;
}
