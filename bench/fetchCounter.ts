import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes a search client downloaded: as stored, and as sent by a server that gzips what is not yet compressed. */
export interface FetchedBytes {
  requests: number;
  rawBytes: number;
  wireBytes: number;
}

/** What a file costs on the wire: gzip files are sent as they are, others gzipped (level 9, as in the peer baselines). */
export function wireBytesOf(body: Uint8Array): number {
  const alreadyGzip = body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;
  return alreadyGzip ? body.length : gzipSync(body, { level: 9 }).length;
}

/**
 * Serves a folder as a search client's fetches would see it, from disk, and counts every
 * byte read, so that "bytes before a first result" is what a reader's browser would download.
 */
export class DiskFetcher {
  private counted: FetchedBytes = { requests: 0, rawBytes: 0, wireBytes: 0 };

  constructor(private readonly root: string) {}

  /** Reads a file of the folder (path relative to it, `/`-separated) and counts it. */
  read(relativePath: string): Uint8Array<ArrayBuffer> {
    const file = path.join(this.root, ...relativePath.split('/').filter(Boolean));
    if (!file.startsWith(this.root)) throw new Error(`outside the served folder: ${relativePath}`);
    const body = readFileSync(file);
    this.counted.requests++;
    this.counted.rawBytes += body.length;
    this.counted.wireBytes += wireBytesOf(body);
    return body;
  }

  /** Counts a file the client loads by other means (a script tag, an import). */
  count(relativePath: string): void {
    this.read(relativePath);
  }

  get fetched(): FetchedBytes {
    return { ...this.counted };
  }
}
