// The bytes of the index files: unsigned LEB128 varints, front-coded terms (read back by
// ./browser/indexReader.ts) and JSON.

/** Index files by name (relative to the index folder), uncompressed. */
export type IndexFiles = Map<string, Uint8Array>;

/** Appends unsigned LEB128 varints and UTF-8 text. */
export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;
  private static readonly encoder = new TextEncoder();

  constructor(capacity = 4096) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buffer.subarray(0, this.length));
    this.buffer = bigger;
  }

  varint(value: number): void {
    this.reserve(8);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** A term after `previous`, front-coded (see readTermHeader in ./browser/indexReader.ts). */
  term(term: string, previous: string): void {
    let shared = 0;
    const max = Math.min(term.length, previous.length);
    while (shared < max && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never split a surrogate pair: the rest is encoded as UTF-8 on its own.
    if (shared > 0 && shared < term.length && isHighSurrogate(term.charCodeAt(shared - 1))) shared--;
    const rest = ByteWriter.encoder.encode(term.slice(shared));
    this.varint(shared);
    this.varint(rest.length);
    this.bytes(rest);
  }

  /** A copy, exactly as long as what was written. */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
