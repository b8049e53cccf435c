// Runs one command and measures what it cost: wall time and peak memory of its whole process tree.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';

export interface RunCost {
  /** Wall time from spawn to exit, in seconds. */
  seconds: number;
  /** Peak resident memory of the process tree, in MiB (see `runMeasured`). */
  peakMiB: number;
  /** CPU time (user + system) of the command and the descendants it waited for; NaN without GNU time. */
  cpuSeconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** How often /proc is sampled for the tree's memory. */
  sampleMs?: number;
}

const GNU_TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;

/**
 * Peak memory of the tree, in MiB, is the larger of two figures:
 * - the sum of resident memory (RSS) over the command and all its descendants, sampled from
 *   /proc every `sampleMs` (catches helpers running beside the main process, e.g. a binary
 *   Pagefind starts, but can miss a spike shorter than one sample);
 * - the kernel's exact high-water mark of the largest single process (`ru_maxrss`, read
 *   through GNU time's `%M`), which no sampling can miss.
 * Both count shared pages once per process, as `ps` does.
 */
export async function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<RunCost> {
  const useTime = existsSync(GNU_TIME);
  const rusageFile = path.join(tmpdir(), `guidebook-bench-rusage-${process.pid}-${Date.now()}`);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rusageFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout = keepTail(stdout + d)));
  child.stderr.on('data', (d) => (stderr = keepTail(stderr + d)));

  let sampledPeak = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    // Under GNU time the wrapper itself is not counted: only what it runs.
    const tree = processTree(child.pid).filter((pid) => !useTime || pid !== child.pid);
    const bytes = tree.reduce((sum, pid) => sum + residentBytes(pid), 0);
    sampledPeak = Math.max(sampledPeak, bytes);
  };
  const sampler = setInterval(sample, options.sampleMs ?? 20);
  const timer = setTimeout(() => killTree(child.pid), options.timeoutMs ?? 10 * 60_000);

  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearTimeout(timer);

  let largestProcessBytes = 0;
  let cpuSeconds = NaN;
  if (useTime && existsSync(rusageFile)) {
    const lines = readFileSync(rusageFile, 'utf8').trim().split('\n');
    // GNU time writes "Command exited with non-zero status N" before the figures.
    const [maxRssKiB, user, system] = lines[lines.length - 1]!.split(' ').map(Number);
    largestProcessBytes = (maxRssKiB ?? 0) * 1024 || 0;
    cpuSeconds = (user ?? NaN) + (system ?? NaN);
    rmSync(rusageFile, { force: true });
  }
  return { seconds, peakMiB: Math.max(sampledPeak, largestProcessBytes) / 2 ** 20, cpuSeconds, code, stdout, stderr };
}

/** The process and all its descendants, from the parent ids in /proc/<pid>/stat. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [root];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(Number(entry));
    else children.set(parent, [Number(entry)]);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function parentOf(pid: number): number | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: read after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
  } catch {
    return 0; // exited between listing and reading
  }
}

/** Ends a process we started and everything it started, leaves first. */
export function killTree(pid: number | undefined, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === undefined) return;
  for (const member of processTree(pid).reverse()) {
    try {
      process.kill(member, signal);
    } catch {
      // already gone
    }
  }
}

/** Output is kept only for error messages: the last 64 KiB is enough. */
function keepTail(text: string): string {
  return text.length > 65_536 ? text.slice(-65_536) : text;
}
