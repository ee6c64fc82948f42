import { sourceChanged } from "../../sessions/errors";
import type { BlobBody, ByteSource } from "../../sessions/ports";

/**
 * An R2 object read by ranges, every read conditional on the ETag it had when opened: once the object is replaced or
 * deleted, reads fail with `source_changed` instead of mixing bytes of two versions.
 */
export function r2Source(bucket: R2Bucket, key: string, object: R2Object, name: string): ByteSource {
  const get = async (offset: number, length: number): Promise<R2ObjectBody> => {
    const got = await bucket.get(key, { range: { offset, length }, onlyIf: { etagMatches: object.etag } });
    // A failed condition gives the object's metadata without a body.
    if (!got || !("body" in got)) throw sourceChanged(name);
    return got;
  };
  return {
    size: object.size,
    async read(offset, length) {
      if (length === 0) return new Uint8Array(0);
      const bytes = new Uint8Array(await (await get(offset, length)).arrayBuffer());
      if (bytes.length !== length) throw sourceChanged(name);
      return bytes;
    },
    async stream(offset, length) {
      if (length === 0) return new Response(new Uint8Array(0)).body!;
      return (await get(offset, length)).body;
    },
  };
}

/** What R2's put takes for a body: bytes, or a stream given its length (FixedLengthStream refuses a stream that ends short). */
export const r2Value = (body: BlobBody) =>
  body instanceof Uint8Array ? body : body.stream.pipeThrough(new FixedLengthStream(body.length));
