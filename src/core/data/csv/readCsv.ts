/**
 * Streaming CSV reader: UTF-8 bytes in, columnar `Table` out.
 *
 * - RFC 4180 quoting (delimiters, quotes `""` and newlines inside quoted fields), LF or CRLF
 *   records, a leading UTF-8 BOM, `,` `;` tab or `|` delimiters (sniffed unless given), blank
 *   lines skipped, empty (or quoted empty) fields = missing.
 * - Each column starts as numbers (parsed straight from the bytes into a Float64Array) and turns
 *   into dictionary-coded text at its first non-number. When numbers had already been read for
 *   such a column, a second pass over the source re-reads just that column as text, so text is
 *   always kept verbatim (e.g. `1.50` stays `1.50`).
 * - Malformed input throws a DataError naming the line and the problem; nothing is returned.
 */
import { CancelledError, DataError } from '../../errors/errors';
import type { ByteSource } from '../byteSource';
import type { JobControl } from '../jobControl';
import type { RawColumn } from '../table';
import type { CsvOptions, Delimiter } from './csvOptions';
import { DELIMITER_NAMES } from './csvOptions';
import { sniffDelimiter } from './delimiterSniffer';
import { ByteDictionary } from './byteDictionary';
import { parseNumberBytes } from './numberParser';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const FLAG_QUOTED = 1;
const FLAG_ESCAPED = 2;
const INCOMPLETE = -1;

const MODE_NUMBER = 0;
const MODE_STRING = 1;
const MODE_SKIP = 2;

const PROCESS_BYTES = 1 << 20;
/** Records are scanned in batches, then stored column by column (tight, type-specialised loops). */
const BATCH_ROWS = 2048;

export interface CsvReadResult {
  names: string[];
  columns: RawColumn[];
  rowCount: number;
  delimiter: Delimiter;
  decimal: '.' | ',';
  bytes: number;
}

export async function readCsv(source: ByteSource, options: CsvOptions = {}, control?: JobControl): Promise<CsvReadResult> {
  const first = await parsePass(source, options, control, null);
  const replay = first.replayColumns();
  if (replay.length > 0) {
    const modes = new Uint8Array(first.names.length).fill(MODE_SKIP);
    for (const c of replay) modes[c] = MODE_STRING;
    const second = await parsePass(source, { ...options, delimiter: first.delimiter }, control, modes);
    for (const c of replay) first.adoptColumn(c, second);
  }
  return {
    names: first.names,
    columns: first.finish(),
    rowCount: first.rows,
    delimiter: first.delimiter,
    decimal: first.decimalComma ? ',' : '.',
    bytes: first.bytesRead,
  };
}

async function parsePass(
  source: ByteSource,
  options: CsvOptions,
  control: JobControl | undefined,
  modes: Uint8Array | null,
): Promise<CsvParser> {
  const parser = new CsvParser(source, options, modes);
  let work = new Uint8Array(PROCESS_BYTES * 2);
  let len = 0;
  let lastReport = 0;
  for await (const chunk of source.open()) {
    if (control?.signal?.aborted) throw new CancelledError();
    if (len + chunk.length > work.length) {
      const grown = new Uint8Array(Math.max(work.length * 2, len + chunk.length));
      grown.set(work.subarray(0, len));
      work = grown;
    }
    work.set(chunk, len);
    len += chunk.length;
    parser.bytesRead += chunk.length;
    if (len >= PROCESS_BYTES) {
      const consumed = parser.process(work, len, false);
      work.copyWithin(0, consumed, len);
      len -= consumed;
      if (control?.onProgress && parser.bytesRead - lastReport >= PROCESS_BYTES * 4) {
        lastReport = parser.bytesRead;
        control.onProgress({ bytes: parser.bytesRead, totalBytes: source.size, rows: parser.rows });
      }
    }
  }
  if (control?.signal?.aborted) throw new CancelledError();
  parser.process(work, len, true);
  parser.end();
  control?.onProgress?.({ bytes: parser.bytesRead, totalBytes: source.size, rows: parser.rows });
  return parser;
}

class CsvParser {
  names: string[] = [];
  delimiter: Delimiter = ',';
  readonly decimalComma: boolean;
  rows = 0;
  bytesRead = 0;
  private started = false;
  private explicitDelimiter = false;
  private delim = 44;
  private ncols = 0;
  private line = 1; // 1-based physical line of the next record
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private flags = new Uint8Array(0);
  private fieldCount = 0;
  private newlinesInRecord = 0;
  // column builders
  private modes = new Uint8Array(0);
  private nums: (Float64Array | null)[] = [];
  private codes: (Int32Array | null)[] = [];
  private dicts: ByteDictionary[] = [];
  private scratch = new Uint8Array(256);
  private numbersSeen = new Float64Array(0);
  private flipRow = new Float64Array(0);
  private capacity = 0;
  private consumed = 0; // bytes of complete records processed (for the capacity estimate)
  private estimated = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly source: ByteSource,
    options: CsvOptions,
    private readonly forcedModes: Uint8Array | null,
  ) {
    if (options.delimiter) {
      this.delimiter = options.delimiter;
      this.explicitDelimiter = true;
    }
    this.decimalComma = options.decimal === ',';
    if (this.decimalComma && (options.delimiter ?? ';') === ',') {
      throw new DataError(`${source.name}: a decimal comma needs a ';' or tab delimiter, not ','`);
    }
  }

  /** Parses the complete records in buf[0, len); returns how many bytes were consumed. */
  process(buf: Uint8Array, len: number, final: boolean): number {
    let pos = 0;
    if (!this.started) {
      pos = this.start(buf, len, final);
      if (pos === INCOMPLETE) return 0;
    }
    const ncols = this.ncols;
    const stride = ncols + 1;
    const from = pos;
    let next = pos;
    let batch = 0;
    while (pos < len && (next = this.scanRecord(buf, pos, len, final, stride, batch * stride)) !== INCOMPLETE) {
      const nf = this.fieldCount;
      const base = batch * stride;
      if (nf === 1 && this.starts[base] === this.ends[base] && this.flags[base] === 0) {
        // blank line
        this.line += 1 + this.newlinesInRecord;
        pos = next;
        continue;
      }
      if (nf !== ncols) {
        throw new DataError(
          `${this.source.name}, line ${this.line}: expected ${ncols} fields (as in the header) but found ${nf}` +
            (nf > ncols ? ` — is the delimiter right? (using ${DELIMITER_NAMES[this.delimiter]})` : ''),
        );
      }
      this.line += 1 + this.newlinesInRecord;
      pos = next;
      if (++batch === BATCH_ROWS) {
        this.flush(buf, batch);
        batch = 0;
      }
    }
    if (batch > 0) this.flush(buf, batch);
    this.consumed += pos - from;
    if (!this.estimated && this.rows > 0) this.estimateCapacity();
    return pos;
  }

  end(): void {
    if (!this.started) throw new DataError(`${this.source.name} is empty: there is no header row and no data`);
    if (this.rows === 0) throw new DataError(`${this.source.name} has a header row but no data rows`);
  }

  /** First buffer: BOM, binary check, delimiter sniffing, header. Returns the position after the header. */
  private start(buf: Uint8Array, len: number, final: boolean): number {
    if (!final && len < 65536) return INCOMPLETE;
    let pos = 0;
    if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    const head = buf.subarray(pos, Math.min(len, pos + 65536));
    checkText(head, this.source.name, final || len <= pos + 65536);
    let allBlank = true;
    for (let i = 0; i < head.length; i++) {
      const b = head[i];
      if (b !== LF && b !== CR && b !== 32 && b !== 9) {
        allBlank = false;
        break;
      }
    }
    if (allBlank && final) throw new DataError(`${this.source.name} is empty: there is no header row and no data`);
    while (pos < len && (buf[pos] === LF || buf[pos] === CR)) {
      if (buf[pos] === LF) this.line++;
      pos++;
    }
    if (!this.explicitDelimiter) this.delimiter = sniffDelimiter(head);
    this.delim = this.delimiter.charCodeAt(0);
    const capacity = 1 << 16;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    const next = this.scanRecord(buf, pos, len, final, capacity, 0);
    if (next === INCOMPLETE) return INCOMPLETE;
    const names: string[] = [];
    for (let c = 0; c < this.fieldCount; c++) names.push(this.decodeField(buf, c));
    this.line += 1 + this.newlinesInRecord;
    validateHeader(names, this.source.name);
    this.names = names;
    this.ncols = names.length;
    this.starts = new Int32Array(BATCH_ROWS * (this.ncols + 1));
    this.ends = new Int32Array(BATCH_ROWS * (this.ncols + 1));
    this.flags = new Uint8Array(BATCH_ROWS * (this.ncols + 1));
    this.modes = this.forcedModes ? this.forcedModes.slice() : new Uint8Array(this.ncols);
    this.numbersSeen = new Float64Array(this.ncols);
    this.flipRow = new Float64Array(this.ncols).fill(-1);
    // Room for the first buffer's rows; estimateCapacity() sizes the columns from them.
    this.allocate(Math.max(1024, Math.ceil(len / Math.max(8, next - pos))));
    for (let c = 0; c < this.ncols; c++) this.dicts.push(new ByteDictionary());
    this.started = true;
    return next;
  }

  private allocate(capacity: number): void {
    for (let c = 0; c < this.ncols; c++) {
      const mode = this.modes[c];
      if (mode === MODE_NUMBER) this.nums[c] = grow(this.nums[c] ?? null, capacity, Float64Array) as Float64Array;
      else this.nums[c] = null;
      if (mode === MODE_STRING) this.codes[c] = grow(this.codes[c] ?? null, capacity, Int32Array) as Int32Array;
      else this.codes[c] = this.codes[c] ?? null;
    }
    this.capacity = capacity;
  }

  /**
   * Sizes the columns for the whole file from the bytes per row of the first buffer (+3 %), so
   * that in the usual case they are allocated once and need no copy at the end.
   */
  private estimateCapacity(): void {
    this.estimated = true;
    const size = this.source.size ?? 0;
    if (size <= 0) return;
    const estimate = Math.ceil((size / Math.max(1, this.consumed / this.rows)) * 1.03) + 64;
    if (estimate > this.capacity) this.allocate(estimate);
  }

  /** Grows the columns when the estimate was short: by the bytes-per-row seen so far, at least 1.25×. */
  private growCapacity(): void {
    const size = this.source.size ?? 0;
    let next = Math.ceil(this.capacity * 1.25);
    if (size > 0 && this.consumed > 0) next = Math.max(next, Math.ceil((size / (this.consumed / this.rows)) * 1.05));
    this.allocate(next);
  }

  /**
   * Scans one record starting at `pos`; fills starts/ends/flags for up to `capacity` fields and
   * sets fieldCount. Returns the position after the record, or INCOMPLETE when the buffer ends
   * before the record does (and more data may follow).
   */
  private scanRecord(buf: Uint8Array, pos: number, len: number, final: boolean, capacity: number, base: number): number {
    const delim = this.delim;
    const starts = this.starts;
    const ends = this.ends;
    const flags = this.flags;
    let nf = 0;
    let i = pos;
    this.newlinesInRecord = 0;
    for (;;) {
      if (i >= len) {
        if (!final) return INCOMPLETE;
        if (nf < capacity) {
          starts[base + nf] = i;
          ends[base + nf] = i;
          flags[base + nf] = 0;
        }
        this.fieldCount = nf + 1;
        return len;
      }
      if (buf[i] === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          while (j < len && buf[j] !== QUOTE) {
            if (buf[j] === LF) this.newlinesInRecord++;
            j++;
          }
          if (j >= len) {
            if (!final) return INCOMPLETE;
            throw new DataError(
              `${this.source.name}, line ${this.line}: a quoted field (field ${nf + 1}) is never closed — a '"' is missing`,
            );
          }
          if (j + 1 < len && buf[j + 1] === QUOTE) {
            escaped = true;
            j += 2;
            continue;
          }
          if (j + 1 >= len && !final) return INCOMPLETE;
          break;
        }
        if (nf < capacity) {
          starts[base + nf] = i + 1;
          ends[base + nf] = j;
          flags[base + nf] = escaped ? FLAG_QUOTED | FLAG_ESCAPED : FLAG_QUOTED;
        }
        nf++;
        i = j + 1;
        if (i >= len) {
          this.fieldCount = nf;
          return len;
        }
        const b = buf[i];
        if (b === delim) {
          i++;
          continue;
        }
        if (b === LF) {
          this.fieldCount = nf;
          return i + 1;
        }
        if (b === CR) {
          if (i + 1 >= len) {
            if (!final) return INCOMPLETE;
            this.fieldCount = nf;
            return len;
          }
          if (buf[i + 1] === LF) {
            this.fieldCount = nf;
            return i + 2;
          }
        }
        throw new DataError(
          `${this.source.name}, line ${this.line + this.newlinesInRecord}: unexpected text after the closing quote of field ${nf}`,
        );
      }
      let j = i;
      while (j < len) {
        const b = buf[j];
        if (b === delim || b === LF) break;
        j++;
      }
      if (j >= len && !final) return INCOMPLETE;
      let fieldEnd = j;
      if (fieldEnd > i && buf[fieldEnd - 1] === CR && (j >= len || buf[j] === LF)) fieldEnd--;
      if (nf < capacity) {
        starts[base + nf] = i;
        ends[base + nf] = fieldEnd;
        flags[base + nf] = 0;
      }
      nf++;
      if (j >= len) {
        this.fieldCount = nf;
        return len;
      }
      if (buf[j] === LF) {
        this.fieldCount = nf;
        return j + 1;
      }
      i = j + 1;
      if (i >= len && final) {
        // trailing delimiter at end of input: one more (empty) field
        if (nf < capacity) {
          starts[base + nf] = i;
          ends[base + nf] = i;
          flags[base + nf] = 0;
        }
        this.fieldCount = nf + 1;
        return len;
      }
    }
  }

  /** Stores the `n` scanned records of the batch as rows, one column at a time. */
  private flush(buf: Uint8Array, n: number): void {
    while (this.rows + n > this.capacity) this.growCapacity();
    const rowBase = this.rows;
    const ncols = this.ncols;
    const stride = ncols + 1;
    const starts = this.starts;
    const ends = this.ends;
    const decimalComma = this.decimalComma;
    for (let c = 0; c < ncols; c++) {
      const mode = this.modes[c];
      if (mode === MODE_SKIP) continue;
      let r = 0;
      if (mode === MODE_NUMBER) {
        const values = this.nums[c] as Float64Array;
        let seen = 0;
        for (; r < n; r++) {
          const k = r * stride + c;
          const s = starts[k];
          const e = ends[k];
          if (s === e) {
            values[rowBase + r] = NaN;
            continue;
          }
          const v = parseNumberBytes(buf, s, e, decimalComma);
          if (v !== v) break;
          values[rowBase + r] = v;
          seen++;
        }
        this.numbersSeen[c] += seen;
        if (r === n) continue;
        this.flipToString(c, rowBase + r);
      }
      const codes = this.codes[c] as Int32Array;
      const dict = this.dicts[c];
      for (; r < n; r++) {
        const k = r * stride + c;
        const s = starts[k];
        const e = ends[k];
        codes[rowBase + r] = s === e ? -1 : this.flags[k] & FLAG_ESCAPED ? this.escapedCode(buf, dict, s, e) : dict.code(buf, s, e);
      }
    }
    this.rows = rowBase + n;
  }

  private flipToString(c: number, row: number): void {
    this.modes[c] = MODE_STRING;
    this.flipRow[c] = this.numbersSeen[c] > 0 ? row : -1;
    const codes = new Int32Array(this.capacity);
    codes.fill(-1, 0, row);
    this.codes[c] = codes;
    this.nums[c] = null;
  }

  /** Code of a quoted field holding escaped quotes: "" → " first, so equal texts get equal codes. */
  private escapedCode(buf: Uint8Array, dict: ByteDictionary, s: number, e: number): number {
    if (this.scratch.length < e - s) this.scratch = new Uint8Array((e - s) * 2);
    const out = this.scratch;
    let n = 0;
    for (let i = s; i < e; i++) {
      out[n++] = buf[i];
      if (buf[i] === QUOTE) i++;
    }
    return dict.code(out, 0, n);
  }

  private decodeField(buf: Uint8Array, c: number): string {
    let text = this.decoder.decode(buf.subarray(this.starts[c], this.ends[c]));
    if (this.flags[c] & FLAG_ESCAPED) text = text.replaceAll('""', '"');
    return text;
  }

  /** Columns that turned into text after numbers were read: they need a second, text-only pass. */
  replayColumns(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.ncols; c++) if (this.flipRow[c] >= 0) out.push(c);
    return out;
  }

  adoptColumn(c: number, other: CsvParser): void {
    if (other.rows !== this.rows) throw new DataError(`${this.source.name} changed while it was being read`);
    this.codes[c] = other.codes[c];
    this.dicts[c] = other.dicts[c];
    this.modes[c] = MODE_STRING;
  }

  finish(): RawColumn[] {
    const out: RawColumn[] = [];
    for (let c = 0; c < this.ncols; c++) {
      if (this.modes[c] === MODE_NUMBER) {
        out.push({ kind: 'numbers', values: trim(this.nums[c] as Float64Array, this.rows) });
      } else {
        out.push({ kind: 'strings', codes: trim(this.codes[c] as Int32Array, this.rows), dictionary: this.dicts[c].values() });
      }
      this.dicts[c] = new ByteDictionary();
    }
    return out;
  }
}

function grow<T extends Float64Array | Int32Array>(
  old: T | null,
  capacity: number,
  Ctor: Float64ArrayConstructor | Int32ArrayConstructor,
): T {
  const next = new Ctor(capacity) as T;
  if (old) next.set(old.subarray(0, Math.min(old.length, capacity)));
  return next;
}

/** Drops unused capacity: a view when little is wasted, a compact copy otherwise. */
function trim<T extends Float64Array | Int32Array>(arr: T, rows: number): T {
  if (arr.length === rows) return arr;
  if (arr.length - rows <= arr.length * 0.1) return arr.subarray(0, rows) as T;
  return arr.slice(0, rows) as T;
}

function checkText(head: Uint8Array, name: string, complete: boolean): void {
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new DataError(
      `${name} does not look like a CSV text file: it contains binary data (a zero byte at offset ${nul}). ` +
        'Choose a CSV, Parquet or Arrow file.',
    );
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
  } catch {
    throw new DataError(`${name} is not UTF-8 text: save it as a UTF-8 encoded CSV and load it again`);
  }
}

function validateHeader(names: string[], file: string): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') throw new DataError(`${file}, line 1: column ${i + 1} has an empty name in the header`);
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new DataError(`${file}, line 1: duplicate column name '${name}' (columns ${prev + 1} and ${i + 1})`);
    }
    seen.set(name, i);
  });
}
