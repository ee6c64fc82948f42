import type { BlobBody } from "./ports";

/** A body that hands storage the chunks one by one with their total length known up front, never joining them. */
export function chunkedBody(chunks: Uint8Array[]): BlobBody {
  const pending = [...chunks];
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pending.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return { stream, length };
}
