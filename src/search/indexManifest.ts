// The manifest, read first: the first key of every term shard, the digest groups, the documents
// of each docs chunk, and a version that changes with any file of the index.
import { createHash } from 'node:crypto';
import { FORMAT_VERSION, fileNames, type Manifest } from './browser/format.ts';
import { json } from './indexBytes.ts';

/** A short hash of every file's name and contents, in the order they are added. */
export class IndexVersion {
  private readonly hash = createHash('sha256');
  add([name, bytes]: [string, Uint8Array]): void {
    this.hash.update(name).update(bytes);
  }
  value(): string {
    return this.hash.digest('hex').slice(0, 12);
  }
}

/** What the manifest says besides its version. */
export type ManifestParts = Pick<Manifest, 'docCount' | 'shardKeys' | 'digestGroups' | 'chunkDocs'>;

/** The manifest (see Manifest in ./browser/format.ts). */
export function manifestOf(parts: ManifestParts, version: string): Manifest {
  return { format: FORMAT_VERSION, version, docCount: parts.docCount, shardKeys: parts.shardKeys, digestGroups: parts.digestGroups, chunkDocs: parts.chunkDocs };
}

/** The manifest as its file. */
export function manifestFile(manifest: Manifest): [string, Uint8Array] {
  return [fileNames.manifest, json(manifest)];
}
