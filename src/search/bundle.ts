// esbuild bundles made while building: the scripts readers download, and the scripts of our
// worker threads. esbuild runs in a process of its own, which ends as soon as no bundle is
// pending: its memory counts in the build's peak. A later bundle starts it again.
import { build, stop, type BuildOptions } from 'esbuild';

let pending = 0;

/** One bundle (a single entry point), kept in memory. */
export async function bundleOne(options: BuildOptions): Promise<Uint8Array> {
  pending++;
  try {
    const result = await build({ ...options, bundle: true, write: false, logLevel: 'silent' });
    return result.outputFiles[0]!.contents;
  } finally {
    if (--pending === 0) void stop();
  }
}

/**
 * A worker thread's entry file as one CommonJS script: a worker inherits neither tsx nor the
 * launcher's compiled copy, and a bundle starts in milliseconds. Start it as
 * `new Worker(script, { eval: true })`.
 */
export async function workerScript(entry: string): Promise<string> {
  const bytes = await bundleOne({ entryPoints: [entry], platform: 'node', format: 'cjs', target: 'node20' });
  return Buffer.from(bytes).toString('utf8');
}
