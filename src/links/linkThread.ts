import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../site/bundle.ts';
import type { SiteAddress } from './resolveRef.ts';
import type { LinkCheckRequest, LinkCheckResult, LinkWorkerMessage, LinkWorkerReply } from './linkWorker.ts';

const WORKER_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'linkWorker.ts');

/**
 * The link check on a thread of its own (./linkWorker.ts), so that the main thread stays free
 * and the scan's memory goes with the thread. A one-off build starts it with the build and
 * hands it each page as Eleventy writes it; otherwise it reads the whole site when asked.
 */
export class LinkThread {
  private readonly worker: Promise<Worker>;
  private failure?: Error;

  private readonly siteDir?: string;

  /** `build`: where the pages handed over are written (a build's staging folder), and the site's address. */
  constructor(build?: { siteDir: string; site: SiteAddress }) {
    this.siteDir = build?.siteDir;
    this.worker = workerScript(WORKER_ENTRY).then((script) => {
      const worker = new Worker(script, { eval: true });
      // Reported by `check`; a build that fails before then must still be able to exit.
      worker.on('error', (error) => (this.failure ??= error));
      worker.unref();
      return worker;
    });
    this.worker.catch(() => undefined);
    if (build) this.post({ start: { site: build.site } });
  }

  /** A file Eleventy is about to write (`outputPath`, as Eleventy names it) with its content. */
  fileWritten(outputPath: string, content: string): void {
    if (!this.siteDir || !/\.html?$/i.test(outputPath)) return;
    const sitePath = `/${path.relative(this.siteDir, path.resolve(outputPath)).split(path.sep).join('/')}`;
    this.post({ page: { sitePath, html: content } });
  }

  /** Checks the site once every file is written; the thread ends with the answer. */
  async check(request: LinkCheckRequest): Promise<LinkCheckResult> {
    const worker = await this.worker;
    // The caller waits for the answer: unref'd, the process could end first (exit code 13).
    worker.ref();
    try {
      const reply = await new Promise<LinkWorkerReply>((resolve, reject) => {
        if (this.failure) reject(this.failure);
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the link check's thread stopped (exit code ${code})`)));
        this.post({ check: request });
      });
      if ('failed' in reply) throw new Error(reply.failed);
      return reply.done;
    } finally {
      void worker.terminate();
    }
  }

  private post(message: LinkWorkerMessage): void {
    // In order: each waits on the same promise, and its callbacks run in the order added.
    void this.worker.then((worker) => worker.postMessage(message)).catch(() => undefined);
  }
}
