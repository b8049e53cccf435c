import type { LoadFile } from './indexReader.ts';

/**
 * Reads index files over HTTP. The manifest is revalidated on every visit (it names the
 * build); every other file carries the build's version in its URL, so it may be cached for ever.
 */
export function fetchIndexFile(base: URL): LoadFile {
  return async (name, version) => {
    const url = new URL(name, base);
    if (version) url.searchParams.set('v', version);
    const response = await fetch(url, { cache: version ? 'default' : 'no-cache' });
    if (!response.ok) throw new Error(`search index file ${name}: HTTP ${response.status}`);
    return gunzipIfNeeded(await response.arrayBuffer());
  };
}

/**
 * The build stores every file gzip-compressed. A host that labels them `Content-Encoding:
 * gzip` has the browser inflate them already; otherwise we do, with the browser's own inflater.
 */
async function gunzipIfNeeded(buffer: ArrayBuffer): Promise<Uint8Array> {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([buffer]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
