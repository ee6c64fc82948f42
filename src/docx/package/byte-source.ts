/**
 * Where an opened package's bytes come from when they are not all in memory: an object in storage, read by ranges. The
 * engine reads the central directory and the parts it parses through it, and copies untouched entries from it on
 * save, so media no edit touches are never held whole. A source must keep returning the bytes it had when opened
 * (storage pins the object's version) or fail.
 */
export interface ByteSource {
  /** Length of the file in bytes. */
  readonly size: number;
  /** Exactly `length` bytes starting at `offset`. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The same span as a stream of exactly `length` bytes, for copying it without holding it whole. */
  stream(offset: number, length: number): Promise<ReadableStream<Uint8Array>>;
}
