import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { projectRoot } from './run.ts';

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  child: ChildProcess;
  port: number;
  /** Everything the server has printed to stderr so far. */
  stderr(): string;
  /** Everything the server has printed to stdout so far. */
  stdout(): string;
}

/** Starts `npm start` (`node src/cli/launch.mjs build --serve`, as package.json does) on a free port. */
export async function startDevServer(input: string, output: string, extraArgs: string[] = []): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'src', 'cli', 'launch.mjs'), 'build', '--serve', `--port=${port}`, `--input=${input}`, `--output=${output}`, ...extraArgs],
    { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d) => (stdout += d));
  return { child, port, stderr: () => stderr, stdout: () => stdout };
}

/**
 * Fetches `urlPath` from the dev server until `accept` says yes to the page's text, for up to
 * `timeoutMs`; returns the last text seen (the caller asserts on it).
 */
export async function pollPage(server: DevServer, urlPath: string, accept: (text: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`the dev server exited (${server.child.exitCode}):\n${server.stderr()}`);
    const response = await fetch(`http://127.0.0.1:${server.port}${urlPath}`).catch(() => undefined);
    if (response?.ok) {
      text = await response.text();
      if (accept(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return text;
}
