import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { IndexReader, type LoadFile } from './browser/indexReader.ts';
import { SEARCH_INDEX_DIR } from './storeFiles.ts';

/** Reads a built site's index files from disk, as a browser would fetch them; `onRead` sees each file's stored size. */
export function diskLoader(siteDir: string, onRead?: (name: string, storedBytes: number) => void): LoadFile {
  const dir = path.join(siteDir, SEARCH_INDEX_DIR);
  return async (name) => {
    const stored = await readFile(path.join(dir, name));
    onRead?.(name, stored.length);
    return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
  };
}

/** The index of a built site, read from disk. */
export function readStoredIndex(siteDir: string, onRead?: (name: string, storedBytes: number) => void): IndexReader {
  return new IndexReader(diskLoader(siteDir, onRead));
}
