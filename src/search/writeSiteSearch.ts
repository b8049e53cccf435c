import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildContext } from '../site/buildContext.ts';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { bundleSearchScripts } from './bundleSearchScripts.ts';
import { encodeSearchIndex, type EncodeOptions } from './encodeSearchIndex.ts';
import { searchDocuments } from './searchDocuments.ts';

/** Where the index goes inside the output folder; the scripts go in its parent (`assets/`). */
export const SEARCH_INDEX_DIR = path.join('assets', 'search');

/**
 * After Eleventy has rendered every page (and so collected each page's sections): writes the
 * search index and the search scripts into the output folder.
 */
export async function writeSiteSearch(context: BuildContext, options: EncodeOptions = {}): Promise<void> {
  if (!context.model) return;
  const display = searchDocuments({ tree: context.model.tree, facts: context.facts, pathPrefix: context.pathPrefix });
  const encoded = await encodeSearchIndex(buildSearchIndex(display.documents), display, options);

  const indexDir = path.join(context.outputDir, SEARCH_INDEX_DIR);
  rmSync(indexDir, { recursive: true, force: true });
  for (const dir of new Set([...encoded.files.keys()].map((name) => path.dirname(path.join(indexDir, name))))) {
    mkdirSync(dir, { recursive: true });
  }
  // Stored compressed: see ./browser/loadFile.ts.
  for (const [name, bytes] of encoded.files) writeFileSync(path.join(indexDir, name), gzipSync(bytes));
  for (const [name, bytes] of await bundleSearchScripts()) writeFileSync(path.join(context.outputDir, 'assets', name), bytes);
}
