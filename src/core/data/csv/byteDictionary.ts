/**
 * Dictionary coding of text fields straight from UTF-8 bytes: an open-addressing hash table keyed
 * by the field's bytes, so a repeated value costs a hash and a byte comparison — no string is
 * created until a value is seen for the first time.
 */
const EMPTY = -1;

export class ByteDictionary {
  private count = 0;
  private slots: Int32Array;
  private mask: number;
  private hashes = new Int32Array(64);
  private offsets = new Int32Array(64);
  private lengths = new Int32Array(64);
  private arena = new Uint8Array(1024);
  private arenaUsed = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor() {
    this.slots = new Int32Array(1024).fill(EMPTY);
    this.mask = 1023;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The distinct values as strings, in order of first appearance (code = index). Decoded once,
   * at the end: all-ASCII values become slices of one decoded string. Call it once, when the
   * column is complete: it releases the dictionary's own buffers.
   */
  values(): string[] {
    // The hash table is not needed any more: let it go before the strings are made.
    this.slots = new Int32Array(0);
    this.hashes = new Int32Array(0);
    const n = this.count;
    const out = new Array<string>(n);
    const used = this.arenaUsed;
    const text = this.decoder.decode(this.arena.subarray(0, used));
    if (text.length === used) {
      for (let k = 0; k < n; k++) out[k] = text.substring(this.offsets[k], this.offsets[k] + this.lengths[k]);
    } else {
      for (let k = 0; k < n; k++) out[k] = this.decoder.decode(this.arena.subarray(this.offsets[k], this.offsets[k] + this.lengths[k]));
    }
    this.arena = new Uint8Array(0);
    this.offsets = new Int32Array(0);
    this.lengths = new Int32Array(0);
    this.count = 0;
    return out;
  }

  /** The code of bytes buf[start, end), adding the value when new. */
  code(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const len = end - start;
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const code = slots[slot];
      if (code === EMPTY) break;
      if (this.hashes[code] === h && this.lengths[code] === len && this.equals(code, buf, start, len)) return code;
      slot = (slot + 1) & mask;
    }
    return this.add(buf, start, end, h, slot);
  }

  private equals(code: number, buf: Uint8Array, start: number, len: number): boolean {
    const arena = this.arena;
    const off = this.offsets[code];
    for (let k = 0; k < len; k++) if (arena[off + k] !== buf[start + k]) return false;
    return true;
  }

  private add(buf: Uint8Array, start: number, end: number, h: number, slot: number): number {
    const code = this.count;
    const len = end - start;
    if (code >= this.hashes.length) {
      const cap = this.hashes.length * 2;
      this.hashes = resize(this.hashes, cap);
      this.offsets = resize(this.offsets, cap);
      this.lengths = resize(this.lengths, cap);
    }
    if (this.arenaUsed + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    this.arena.set(buf.subarray(start, end), this.arenaUsed);
    this.hashes[code] = h;
    this.offsets[code] = this.arenaUsed;
    this.lengths[code] = len;
    this.arenaUsed += len;
    this.count = code + 1;
    this.slots[slot] = code;
    if (this.count * 2 > this.slots.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let code = 0; code < this.count; code++) {
      let slot = this.hashes[code] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function resize(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

