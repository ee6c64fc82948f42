import type { ByteSource } from "../../../src/docx/index.js";
import { rangeStream } from "../../../src/storage/memory/blob-source.js";

/** A ByteSource over bytes in memory that counts what is read, as storage read by ranges would be. */
export interface CountingSource extends ByteSource {
  /** Bytes handed out by read and stream. */
  bytesRead: number;
  /** Calls of read and stream (each would be one ranged request to storage). */
  requests: number;
  /** Every span handed out, as [start, end) byte offsets, in order. */
  spans: [number, number][];
}

export function countingSource(bytes: Uint8Array): CountingSource {
  const span = (offset: number, length: number) => {
    if (offset < 0 || offset + length > bytes.length) throw new RangeError(`read past the end: ${offset}+${length}`);
    source.bytesRead += length;
    source.spans.push([offset, offset + length]);
    return bytes.slice(offset, offset + length);
  };
  const source: CountingSource = {
    size: bytes.length,
    bytesRead: 0,
    requests: 0,
    spans: [],
    async read(offset, length) {
      source.requests++;
      return span(offset, length);
    },
    async stream(offset, length) {
      source.requests++;
      return rangeStream(offset, length, span);
    },
  };
  return source;
}

/** Everything a stream yields, joined. */
export async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
