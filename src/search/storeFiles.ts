import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where the index goes inside the output folder; the scripts go in its parent (`assets/`). */
export const SEARCH_INDEX_DIR = path.join('assets', 'search');

/**
 * Writes index files into `dir`, gzip-compressed, so what a reader downloads does not depend
 * on whether the host compresses (the reader inflates them: ./browser/loadFile.ts).
 * Synchronous on purpose: thousands of concurrent async gzip streams cost far more memory and
 * time, and one file at a time keeps only that file in memory.
 */
export function compressedFileWriter(dir: string): (name: string, bytes: Uint8Array) => void {
  const made = new Set<string>();
  return (name, bytes) => {
    const file = path.join(dir, name);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, gzipSync(bytes));
  };
}
