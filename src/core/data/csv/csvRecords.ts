/**
 * The records of a CSV as raw bytes, by the same rules as readCsv (leading BOM dropped, blank
 * lines skipped, LF or CRLF endings, newlines inside quoted fields kept): record 0 is the header,
 * record i is table row i − 1. Used where a file must be copied verbatim (glassbox predict).
 */
import type { ByteSource } from '../byteSource';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Calls `onRecord` with each record's bytes (without its line ending). The bytes are only valid
 * during the call.
 */
export async function forEachCsvRecord(source: ByteSource, onRecord: (record: Uint8Array, index: number) => void): Promise<number> {
  let pending = new Uint8Array(0);
  let pendingLength = 0;
  let inQuotes = false;
  let index = 0;
  let first = true;

  const emit = (bytes: Uint8Array): void => {
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CR) end--;
    if (end === 0) return;
    onRecord(end === bytes.length ? bytes : bytes.subarray(0, end), index++);
  };
  const keep = (bytes: Uint8Array): void => {
    if (pendingLength + bytes.length > pending.length) {
      const grown = new Uint8Array(Math.max(pending.length * 2, pendingLength + bytes.length, 1024));
      grown.set(pending.subarray(0, pendingLength));
      pending = grown;
    }
    pending.set(bytes, pendingLength);
    pendingLength += bytes.length;
  };

  for await (const chunkIn of source.open()) {
    let chunk = chunkIn;
    if (first) {
      first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === LF && !inQuotes) {
        if (pendingLength > 0) {
          keep(chunk.subarray(start, i));
          emit(pending.subarray(0, pendingLength));
          pendingLength = 0;
        } else {
          emit(chunk.subarray(start, i));
        }
        start = i + 1;
      }
    }
    if (start < chunk.length) keep(chunk.subarray(start));
  }
  if (pendingLength > 0) emit(pending.subarray(0, pendingLength));
  return index;
}
