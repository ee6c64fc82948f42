import { sourceChanged } from "../../sessions/errors";
import type { BlobBody, ByteSource } from "../../sessions/ports";

/** Where a memory store counts the bytes its range reads hand out, so tests and the bench see what opening costs. */
export interface ReadCounter {
  bytesRead: number;
}

/** Pieces a memory stream hands out, about what one network read brings. */
const STREAM_CHUNK = 64 * 1024;

/**
 * A stored object read by ranges, as R2 reads one pinned to its ETag: each read copies its span, and fails with
 * `source_changed` once `current()` no longer gives the same bytes (the object was replaced or deleted).
 */
export function memorySource(name: string, bytes: Uint8Array, current: () => Uint8Array | undefined, counter: ReadCounter): ByteSource {
  const span = (offset: number, length: number) => {
    if (current() !== bytes) throw sourceChanged(name);
    if (offset < 0 || length < 0 || offset + length > bytes.length)
      throw new RangeError(`${name}: ${offset}+${length} lies past its ${bytes.length} bytes`);
    counter.bytesRead += length;
    return bytes.slice(offset, offset + length);
  };
  return {
    size: bytes.length,
    async read(offset, length) {
      return span(offset, length);
    },
    async stream(offset, length) {
      span(offset, 0); // refuses at once, as R2's conditional get would
      return rangeStream(offset, length, span);
    },
  };
}

/** A span of bytes as a stream, read piece by piece with `read(at, length)` as the consumer pulls. */
export function rangeStream(offset: number, length: number, read: (at: number, length: number) => Uint8Array): ReadableStream<Uint8Array> {
  let at = offset;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= offset + length) return controller.close();
      const piece = read(at, Math.min(STREAM_CHUNK, offset + length - at));
      at += piece.length;
      controller.enqueue(piece);
    },
  });
}

/** A body's bytes, refusing a stream that ends short of or runs past its declared length (as R2 does). */
export async function collect(body: BlobBody): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body.slice();
  const bytes = new Uint8Array(await new Response(body.stream).arrayBuffer());
  if (bytes.length !== body.length) throw new Error(`The body declared ${body.length} bytes and gave ${bytes.length}; nothing was stored.`);
  return bytes;
}
