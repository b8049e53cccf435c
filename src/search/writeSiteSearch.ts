import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BuildContext } from '../site/buildContext.ts';
import { bundleIndexWorker, bundleSearchScripts } from './bundleSearchScripts.ts';
import { encodeDocsChunks, versionOf, type EncodeOptions } from './encodeSearchIndex.ts';
import type { IndexWorkerInput, IndexWorkerMessage } from './indexWorker.ts';
import { searchDocuments } from './searchDocuments.ts';
import { SEARCH_INDEX_DIR, storeCompressed } from './storeFiles.ts';

/** Before Eleventy renders: bundle the scripts now (esbuild runs in its own process), not after. */
export function prepareSiteSearch(): void {
  void bundleIndexWorker().catch(() => undefined);
  void bundleSearchScripts().catch(() => undefined);
}

/**
 * After Eleventy has rendered every page (and so collected each page's sections): writes the
 * search index and the search scripts into the output folder. The term index is built in a
 * worker thread while this thread writes what results display, then the index files as the
 * worker hands them over: two cores, about half the wait.
 */
export async function writeSiteSearch(context: BuildContext, options: EncodeOptions = {}): Promise<void> {
  if (!context.model) return;
  const display = searchDocuments({ tree: context.model.tree, facts: context.facts, pathPrefix: context.pathPrefix });
  const indexDir = path.join(context.outputDir, SEARCH_INDEX_DIR);
  rmSync(indexDir, { recursive: true, force: true });

  const docs = encodeDocsChunks(display);
  const input: IndexWorkerInput = {
    documents: display.documents.map(({ fields, boost }) => ({ fields, boost })),
    displayVersion: versionOf(docs),
    options,
  };
  const indexed = runWorker(await bundleIndexWorker(), input, (files) => storeCompressed(indexDir, files));
  storeCompressed(indexDir, docs);
  await indexed;

  for (const [name, bytes] of await bundleSearchScripts()) writeFileSync(path.join(context.outputDir, 'assets', name), bytes);
}

function runWorker(script: string, input: IndexWorkerInput, onFiles: (files: [string, Uint8Array][]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { eval: true, workerData: input });
    worker.on('message', (message: IndexWorkerMessage) => {
      if (message === 'done') resolve();
      else onFiles(message.files);
    });
    worker.once('error', (error) => reject(new Error(`building the search index failed: ${error.message}`)));
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the search indexer stopped (exit code ${code})`))));
  });
}
