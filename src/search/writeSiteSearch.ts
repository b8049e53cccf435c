// The search part of a build, driven by three Eleventy moments (see .eleventy.ts): before
// rendering, each page rendered (an Eleventy linter), after rendering.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageFacts } from '../markdown/pageFacts.ts';
import type { BuildContext } from '../site/buildContext.ts';
import { bundleIndexWorker, bundleSearchScripts, stopBundler } from './bundleSearchScripts.ts';
import { IndexVersion, docsChunks, manifestFile, manifestOf, type EncodeOptions } from './encodeSearchIndex.ts';
import type { IndexerReply, IndexerRequest } from './indexWorker.ts';
import { isIndexed, pageDocuments, searchDocuments, type SearchDocument } from './searchDocuments.ts';
import { SEARCH_INDEX_DIR, compressedFileWriter } from './storeFiles.ts';

const indexed = (documents: SearchDocument[]) => documents.map(({ fields, boost }) => ({ fields, boost }));

/**
 * Builds the site's search index alongside Eleventy. The words of each page are counted in a
 * worker thread as soon as the page is rendered; after the last page, the worker builds the
 * term index while this thread writes what results display, then the index files as the
 * worker hands them over. Most of the work so happens on the second core, during rendering.
 */
export class SiteSearch {
  private indexer?: Promise<Worker>;
  /** The facts each page was indexed with, so a page is sent again only if it changed. */
  private readonly sent = new Map<string, PageFacts>();

  constructor(
    private readonly context: BuildContext,
    private readonly options: EncodeOptions = {},
  ) {}

  /** Before Eleventy renders: a fresh indexer (bundled by esbuild, which runs in its own process). */
  prepare(): void {
    void this.indexer?.then((worker) => worker.terminate());
    this.sent.clear();
    const scripts = bundleSearchScripts();
    this.indexer = bundleIndexWorker().then((script) => {
      const worker = new Worker(script, { eval: true });
      // A build that fails before the end must still be able to exit.
      worker.unref();
      return worker;
    });
    // Both bundled (and kept for later builds): esbuild's process is not needed any more.
    void Promise.allSettled([scripts, this.indexer]).then(() => stopBundler());
  }

  /** A page has rendered (and reported its facts): its words go to the indexer now. */
  pageRendered(contentPath: string): void {
    const page = this.context.model?.tree.byInputPath.get(contentPath)?.page;
    const facts = this.context.facts.get(contentPath);
    if (!this.indexer || !page || !facts || !isIndexed(page)) return;
    this.sent.set(contentPath, facts);
    const request: IndexerRequest = { page: contentPath, documents: indexed(pageDocuments(page, facts, 0)) };
    void this.indexer.then((worker) => worker.postMessage(request)).catch(() => undefined);
  }

  /** After Eleventy has rendered every page: writes the index and the scripts into the output folder. */
  async write(): Promise<void> {
    const { context } = this;
    if (!context.model) return;
    if (!this.indexer) this.prepare();
    const worker = await this.indexer!;
    const display = searchDocuments({ tree: context.model.tree, facts: context.facts, pathPrefix: context.pathPrefix });
    const indexDir = path.join(context.outputDir, SEARCH_INDEX_DIR);
    rmSync(indexDir, { recursive: true, force: true });

    // Pages the indexer has not seen as they are now (no facts, or rendered again) go now.
    for (const contentPath of display.order) {
      const facts = context.facts.get(contentPath);
      if (facts && this.sent.get(contentPath) === facts) continue;
      const page = context.model.tree.byInputPath.get(contentPath)!.page;
      worker.postMessage({ page: contentPath, documents: indexed(pageDocuments(page, facts, 0)) } satisfies IndexerRequest);
    }
    // Every file goes into the version, in the order written: docs chunks, shards, digests.
    const version = new IndexVersion();
    const write = compressedFileWriter(indexDir);
    const store = (files: Iterable<[string, Uint8Array]>) => {
      for (const file of files) {
        version.add(file);
        write(...file);
      }
    };
    const done = indexerDone(worker, store);
    worker.postMessage({ finish: { order: display.order, options: this.options } } satisfies IndexerRequest);
    store(docsChunks(display));
    try {
      const index = await done;
      write(...manifestFile(manifestOf(index, index.digestGroups, version.value())));
    } finally {
      this.indexer = undefined;
      void worker.terminate();
    }
    for (const [name, bytes] of await bundleSearchScripts()) writeFileSync(path.join(context.outputDir, 'assets', name), bytes);
  }
}

type IndexerDone = Extract<IndexerReply, { done: unknown }>['done'];

function indexerDone(worker: Worker, onFiles: (files: [string, Uint8Array][]) => void): Promise<IndexerDone> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new Error(`building the search index failed: ${message}`));
    worker.on('message', (reply: IndexerReply) => {
      if ('done' in reply) resolve(reply.done);
      else if ('failed' in reply) fail(reply.failed);
      else onFiles(reply.files);
    });
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`the indexer stopped (exit code ${code})`));
  });
}
