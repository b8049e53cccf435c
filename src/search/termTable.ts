import { TOKEN_SEPARATOR, termOf } from './browser/analysis.ts';

/** Ids `scan` gives a stop word and a token that trims to nothing; real terms get 0, 1, 2… */
export const STOP_WORD = -1;
export const EMPTY_TERM = -2;

// lunr tests its separator one UTF-16 code unit at a time, so a table of all 65,536 answers
// splits exactly as it does.
let separatorTable: Uint8Array | undefined;
function separators(): Uint8Array {
  if (!separatorTable) {
    separatorTable = new Uint8Array(65536);
    for (let c = 0; c < 65536; c++) separatorTable[c] = TOKEN_SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return separatorTable;
}

/**
 * Turns text into term ids at the speed the build needs: the same tokens as `tokenize` (lunr's
 * tokenizer), each looked up by a hash computed while scanning, so a token seen before costs
 * no string and no Map lookup. A new token runs lunr's pipeline once (`termOf`).
 */
export class TermTable {
  /** Term text by id. */
  readonly terms: string[] = [];
  /** The ids of the last `scan`. */
  ids = new Int32Array(1024);

  private readonly termIds = new Map<string, number>();
  private slots = new Int32Array(1 << 16);
  private keys: string[] = [];
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);
  private values: Int32Array<ArrayBuffer> = new Int32Array(1 << 15);

  /** Tokenizes `text` into `ids`; returns how many there are. */
  scan(text: string): number {
    const isSeparator = separators();
    const lower = text.toLowerCase();
    const length = lower.length;
    if (this.ids.length < length / 2 + 2) this.ids = new Int32Array(length + 2);
    const ids = this.ids;
    let count = 0;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? lower.charCodeAt(i) : 32;
      if (isSeparator[c] === 1) {
        if (start >= 0) {
          ids[count++] = this.lookup(lower, start, i, hash);
          start = -1;
        }
      } else {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5 | 0;
        }
        hash = Math.imul(hash ^ c, 16777619); // FNV-1a
      }
    }
    return count;
  }

  private lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) return this.insert(slot, text.slice(start, end), hash);
      if (this.hashes[entry] === hash && this.keys[entry]!.length === length && text.startsWith(this.keys[entry]!, start)) {
        return this.values[entry]!;
      }
    }
  }

  private insert(slot: number, token: string, hash: number): number {
    const term = termOf(token);
    let value: number;
    if (term === null) value = STOP_WORD;
    else if (term === '') value = EMPTY_TERM;
    else {
      value = this.termIds.get(term) ?? -1;
      if (value < 0) {
        value = this.terms.length;
        this.termIds.set(term, value);
        this.terms.push(term);
      }
    }
    const entry = this.keys.length;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.values = grow(this.values);
    }
    this.keys.push(token);
    this.hashes[entry] = hash;
    this.values[entry] = value;
    this.slots[slot] = entry + 1;
    if (this.keys.length * 2 > this.slots.length) this.rehash();
    return value;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
