// The search part of a build, driven by three Eleventy moments (see .eleventy.ts): before
// rendering, each page's Markdown rendered (its page facts), after rendering.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageFacts, SectionFact } from '../markdown/pageFacts.ts';
import type { BuildState } from '../build/buildState.ts';
import type { SiteModel } from '../site/siteModel.ts';
import { bundleIndexWorker, bundleSearchScripts } from './bundleSearchScripts.ts';
import { manifestFile } from './indexManifest.ts';
import { type EncodeOptions } from './termShards.ts';
import type { IndexerReply, IndexerRequest } from './indexWorker.ts';
import { indexedPages, pageEntry } from './searchDocuments.ts';
import { SEARCH_INDEX_DIR, compressedFileWriter } from './storeFiles.ts';

/**
 * Builds the site's search index alongside Eleventy, mostly on the second core: a worker
 * thread takes each page as soon as it has rendered (./indexWorker.ts). After the last page,
 * the worker builds and writes the term index, and this thread writes the manifest.
 */
export class SiteSearch {
  private indexer?: Promise<Worker>;
  /** The indexer's answer, listened for from its start: a one-off build's may come early. */
  private done?: Promise<IndexerDone>;
  /** This build's indexed pages: content path to position in reading order. */
  private positions?: { model: SiteModel; of: Map<string, number> };
  /**
   * The facts objects already sent, so a page is sent again only once it rendered again (new
   * facts). Weak: the search keeps no page's facts alive, and never changes them.
   */
  private sent = new WeakSet<PageFacts>();
  /**
   * Each page's text by section as it last rendered: the search's own, handed over apart from
   * the facts, which the build keeps for every page until the end. A one-off build sends a
   * page's text on and drops it; the dev server keeps it, since each rebuild's fresh indexer
   * is sent every page again, rendered or not.
   */
  private readonly texts = new Map<string, readonly SectionFact[]>();

  constructor(
    private readonly build: BuildState,
    private readonly options: EncodeOptions = {},
  ) {}

  private get indexDir(): string {
    return path.join(this.build.outputDir, SEARCH_INDEX_DIR);
  }

  /** Before Eleventy renders: a fresh indexer (bundled by esbuild, ./bundle.ts). */
  prepare(): void {
    void this.indexer?.then((worker) => worker.terminate());
    this.sent = new WeakSet();
    this.positions = undefined;
    rmSync(this.indexDir, { recursive: true, force: true });
    // Started now, written after the pages (writeScripts): a failure shows there.
    bundleSearchScripts().catch(() => undefined);
    this.indexer = bundleIndexWorker().then((script) => {
      // A small young generation: the indexer's garbage is short-lived, and the build's peak
      // memory is what counts at 10,000 pages.
      const worker = new Worker(script, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      // A build that fails before the end must still be able to exit.
      worker.unref();
      return worker;
    });
    this.done = this.indexer.then(indexerDone);
    // A dev-server rebuild ends this indexer before it answers: that is not a failure.
    this.done.catch(() => undefined);
  }

  /** The position of each indexed page; the first call of a build also tells the indexer where to write. */
  private positionsOf(model: SiteModel): Map<string, number> {
    if (this.positions?.model !== model) {
      const of = new Map(indexedPages(model.tree).map((node, i) => [node.page.inputPath, i]));
      this.positions = { model, of };
      // A one-off build renders each page once: the indexer can finish on its own.
      const finishWhenComplete = this.build.mode === 'build' ? { order: [...of.keys()], options: this.options } : undefined;
      this.post({ start: { indexDir: this.indexDir, pageCount: of.size, finishWhenComplete } });
    }
    return this.positions.of;
  }

  private post(request: IndexerRequest): void {
    void this.indexer?.then((worker) => worker.postMessage(request)).catch(() => undefined);
  }

  private sendPage(model: SiteModel, contentPath: string): void {
    const position = this.positionsOf(model).get(contentPath);
    const node = model.tree.byInputPath.get(contentPath);
    if (position === undefined || !node) return;
    const facts = this.build.facts.get(contentPath);
    if (facts) this.sent.add(facts);
    // A page with no facts has not rendered since the content was read again: no text either.
    const text = facts ? this.texts.get(contentPath) : undefined;
    // The entry reaches the indexer as a structured clone: its own copy of the page's text.
    this.post({ page: contentPath, position, entry: pageEntry(node, model.tree, text, this.build.input.pathPrefix) });
  }

  /** A page's text by section has rendered (just before its facts, `pageRendered`). */
  pageSections(contentPath: string, sections: readonly SectionFact[]): void {
    this.texts.set(contentPath, sections);
  }

  /** A page has rendered (and reported its facts): it goes to the indexer now. */
  pageRendered(contentPath: string): void {
    const { model } = this.build;
    if (this.indexer && this.build.facts.has(contentPath)) this.sendPage(model, contentPath);
    // A one-off build renders each page once: its text need not stay in memory while the
    // other 9,999 pages render.
    if (this.build.mode === 'build') this.texts.delete(contentPath);
  }

  /** The search scripts every page loads (bundled when the build began). */
  async writeScripts(): Promise<void> {
    for (const [name, bytes] of await bundleSearchScripts()) writeFileSync(path.join(this.build.outputDir, 'assets', name), bytes);
  }

  /**
   * The index: waits for the indexer to finish it, then writes the manifest. A dev-server
   * rebuild that begins meanwhile (`prepare`) supersedes it: this one then ends quietly, and
   * the rebuild writes the index.
   */
  async writeIndex(): Promise<void> {
    const { build } = this;
    const model = build.model;
    if (!this.indexer) this.prepare();
    const indexer = this.indexer!;
    const done = this.done!;
    const superseded = () => this.indexer !== indexer;
    const worker = await indexer;
    if (superseded()) return;
    // From here the build waits for it: unref'd, a long indexing run let the process end (exit 13).
    worker.ref();
    // Pages the indexer has not seen as they are now (no facts, or rendered again) go now.
    const order = indexedPages(model.tree).map((node) => node.page.inputPath);
    for (const contentPath of order) {
      const facts = build.facts.get(contentPath);
      if (!facts || !this.sent.has(facts)) this.sendPage(model, contentPath);
    }
    // The text of pages gone from the site (or not rendered since a full rebuild began) is no longer sent.
    for (const contentPath of this.texts.keys()) if (!build.facts.has(contentPath)) this.texts.delete(contentPath);
    this.positionsOf(model);

    // A no-op when the indexer has already finished on its own.
    this.post({ finish: { order, options: this.options } });
    try {
      const manifest = await done;
      if (!superseded()) compressedFileWriter(this.indexDir)(...manifestFile(manifest));
    } catch (error) {
      // The rebuild that superseded this indexer ended it.
      if (!superseded()) throw error;
    } finally {
      if (!superseded()) this.indexer = undefined;
      void worker.terminate();
    }
  }
}

type IndexerDone = Extract<IndexerReply, { done: unknown }>['done'];

function indexerDone(worker: Worker): Promise<IndexerDone> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new Error(`building the search index failed: ${message}`));
    worker.on('message', (reply: IndexerReply) => {
      if ('done' in reply) resolve(reply.done);
      else fail(reply.failed);
    });
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`the indexer stopped (exit code ${code})`));
  });
}
