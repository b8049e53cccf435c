import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where the index goes inside the output folder; the scripts go in its parent (`assets/`). */
export const SEARCH_INDEX_DIR = path.join('assets', 'search');

/**
 * Writes index files gzip-compressed, so what a reader downloads does not depend on whether
 * the host compresses (the reader inflates them: ./browser/loadFile.ts). Synchronous on
 * purpose: thousands of concurrent async gzip streams cost far more memory and time.
 */
export function storeCompressed(dir: string, files: Iterable<[string, Uint8Array]>): void {
  const made = new Set<string>();
  for (const [name, bytes] of files) {
    const file = path.join(dir, name);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, gzipSync(bytes));
  }
}
