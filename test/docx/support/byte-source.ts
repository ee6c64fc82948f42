import type { ByteSource } from "../../../src/docx/index.js";

/** A ByteSource over bytes in memory that counts what is read, as storage read by ranges would be. */
export interface CountingSource extends ByteSource {
  /** Bytes handed out by read and stream. */
  bytesRead: number;
  /** Calls of read and stream (each would be one ranged request to storage). */
  requests: number;
}

export function countingSource(bytes: Uint8Array, chunk = 64 * 1024): CountingSource {
  const source: CountingSource = {
    size: bytes.length,
    bytesRead: 0,
    requests: 0,
    async read(offset, length) {
      if (offset < 0 || offset + length > bytes.length) throw new RangeError(`read past the end: ${offset}+${length}`);
      source.requests++;
      source.bytesRead += length;
      return bytes.slice(offset, offset + length);
    },
    async stream(offset, length) {
      source.requests++;
      let at = offset;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= offset + length) return controller.close();
          const piece = bytes.slice(at, Math.min(at + chunk, offset + length));
          source.bytesRead += piece.length;
          at += piece.length;
          controller.enqueue(piece);
        },
      });
    },
  };
  return source;
}

/** Everything a stream yields, joined. */
export async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
