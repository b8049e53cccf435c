import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A short hash of the files readers download, so a changed stylesheet is never served stale. */
export function assetVersion(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}
