import type { ByteSource } from "./ports";

/**
 * A ByteSource that can move to a byte-identical copy of what it reads. A document opened from a library file keeps
 * its media in that file; once the session's baseline (a copy of exactly that version) exists, the document reads
 * from the baseline instead, so later changes to the library file cannot break it.
 */
export class SourceRelay implements ByteSource {
  constructor(private target: ByteSource) {}

  get size(): number {
    return this.target.size;
  }

  read(offset: number, length: number): Promise<Uint8Array> {
    return this.target.read(offset, length);
  }

  stream(offset: number, length: number): Promise<ReadableStream<Uint8Array>> {
    return this.target.stream(offset, length);
  }

  /** Reads from `copy` from now on; it must be a copy of the same bytes (checked by size). */
  moveTo(copy: ByteSource): void {
    if (copy.size !== this.target.size) throw new Error(`A copy of ${this.target.size} bytes was expected, not ${copy.size}.`);
    this.target = copy;
  }
}
