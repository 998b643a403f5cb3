/**
 * Where a dataset's bytes come from. Readers stream them chunk by chunk and may open the
 * source again (the CSV reader does a second pass only for columns that turned out to be text
 * after starting out as numbers).
 */
export interface ByteSource {
  readonly name: string;
  /** Total size in bytes when known (for progress). */
  readonly size: number | null;
  /**
   * A fresh stream of the bytes from the beginning. A chunk is only valid until the next one is
   * requested (sources may reuse one buffer): consumers copy what they keep.
   */
  open(): AsyncIterable<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    async *open() {
      const step = 1 << 20;
      for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, Math.min(bytes.length, i + step));
    },
  };
}

export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    async *open() {
      const reader = blob.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}

/** Reads a whole source into one buffer (for formats that need random access: Parquet, Arrow). */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk.slice());
    total += chunk.length;
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Reads the first `n` bytes of a source (format sniffing). */
export async function readHead(source: ByteSource, n: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk.slice(0, n));
    total += chunk.length;
    if (total >= n) break;
  }
  const out = new Uint8Array(Math.min(n, total));
  let off = 0;
  for (const p of parts) {
    const take = Math.min(p.length, out.length - off);
    out.set(p.subarray(0, take), off);
    off += take;
    if (off >= out.length) break;
  }
  return out;
}
