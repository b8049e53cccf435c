import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturesDir = path.join(projectRoot, 'test', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's CLIs (`src/cli/<name>.ts`) as `npm run` does, from the project root:
 * through the launcher, which runs one-off commands compiled and the dev server through tsx.
 */
export function runCli(name: 'build' | 'check-links', args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'src', 'cli', 'launch.mjs'), name, ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A new empty folder under the system's temporary folder. */
export function tempDir(prefix = 'guidebook-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Builds a content folder into a new temporary output folder. */
export async function buildSite(inputDir: string, extraArgs: string[] = []): Promise<RunResult & { outputDir: string }> {
  const outputDir = path.join(tempDir(), 'site');
  const result = await runCli('build', [`--input=${inputDir}`, `--output=${outputDir}`, '--quiet', ...extraArgs]);
  return { ...result, outputDir };
}
