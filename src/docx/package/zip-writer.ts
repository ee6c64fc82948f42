/**
 * Writes a zip from entries whose compressed bytes are already known (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16), or that are
 * copied verbatim from the file the package was opened from. Its length is known before a byte is written, so it can
 * stream to storage that needs the length up front.
 */
import { DocxError } from "../errors.js";
import type { ByteSource } from "./byte-source.js";
import { concat } from "./concat.js";
import { crc32 } from "./crc32.js";
import { deflateRaw, levelFor, RawDeflater } from "./deflate-raw.js";
import type { CentralEntry, ZipEntry, ZipEntryToWrite } from "./zip-entry.js";
import { LOCAL_SIG } from "./zip-reader.js";

const encoder = new TextEncoder();

/** Builds a deflated entry for new content; timestamps default to 1980-01-01 so output is deterministic. */
export function deflateEntry(name: string, data: Uint8Array, like?: Pick<ZipEntry, "dosTime" | "dosDate">): ZipEntry {
  const compressed = deflateRaw(data);
  return {
    name,
    method: 8,
    crc: crc32(data),
    compressedSize: compressed.length,
    uncompressedSize: data.length,
    dosTime: like?.dosTime ?? 0,
    dosDate: like?.dosDate ?? 0x21,
    flags: /[^\x20-\x7e]/.test(name) ? 0x800 : 0,
    compressed,
  };
}

/**
 * Like deflateEntry for content given as consecutive chunks: a large part is never joined into one buffer, before
 * compression or after (its compressed bytes stay the deflater's chunks).
 */
export function deflateEntryChunks(name: string, chunks: Uint8Array[], like?: Pick<ZipEntry, "dosTime" | "dosDate">): ZipEntryToWrite {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const deflater = new RawDeflater(levelFor(size));
  let crc = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    deflater.push(chunk);
  }
  const compressed = deflater.finish();
  return {
    name,
    method: 8,
    crc,
    compressedSize: compressed.reduce((n, c) => n + c.length, 0),
    uncompressedSize: size,
    dosTime: like?.dosTime ?? 0,
    dosDate: like?.dosDate ?? 0x21,
    flags: /[^\x20-\x7e]/.test(name) ? 0x800 : 0,
    compressed,
  };
}

/** An entry of the output: written with a fresh local header, or (`copy`) its span of the source copied as it is. */
export type OutputEntry = ZipEntryToWrite | { copy: CentralEntry };

/** A piece of the output: bytes in memory, or a span of the source. */
type Piece = Uint8Array | { offset: number; length: number; entryStarts: number[] };

/** The output as pieces, with its length, computed from entry sizes alone. */
export interface ZipLayout {
  pieces: Piece[];
  length: number;
}

export function writeZip(entries: ZipEntryToWrite[]): Uint8Array {
  return concat(writeZipChunks(entries));
}

/**
 * The zip as consecutive chunks: each entry's compressed bytes are the entry's own view (of the input, for untouched
 * entries), so a caller that streams the chunks never holds a second copy of a large package.
 */
export function writeZipChunks(entries: ZipEntryToWrite[]): Uint8Array[] {
  return layoutZip(entries).pieces as Uint8Array[];
}

/**
 * Lays the zip out. Copied entries keep their local header, data and data descriptor byte for byte (the central
 * directory repeats their flags, so bit 3 stays true to what follows the data); adjacent copied spans merge into one,
 * so a save reads each run of untouched media with one ranged read.
 */
export function layoutZip(entries: OutputEntry[]): ZipLayout {
  const names = entries.map((e) => encoder.encode("copy" in e ? e.copy.name : e.name));
  let size = 22;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    size += 46 + names[i].length + ("copy" in e ? e.copy.extent : 30 + names[i].length + e.compressedSize);
  }
  if (size > 0xffffffff || entries.length > 0xffff) {
    throw new DocxError({
      kind: "unsupported_zip",
      message: "The saved package would need ZIP64 (over 4 GB or 65,535 entries); that is not supported.",
    });
  }
  const pieces: Piece[] = [];
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    offsets.push(p);
    if ("copy" in e) {
      const last = pieces[pieces.length - 1];
      if (last && !(last instanceof Uint8Array) && last.offset + last.length === e.copy.localOffset) {
        last.entryStarts.push(last.length);
        last.length += e.copy.extent;
      } else pieces.push({ offset: e.copy.localOffset, length: e.copy.extent, entryStarts: [0] });
      p += e.copy.extent;
      continue;
    }
    const header = new Uint8Array(30 + names[i].length);
    const view = new DataView(header.buffer);
    // Bit 3 (data descriptor) is cleared: sizes and CRC are written in the local header.
    view.setUint32(0, LOCAL_SIG, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, utf8Flag(e), true);
    view.setUint16(8, e.method, true);
    view.setUint16(10, e.dosTime, true);
    view.setUint16(12, e.dosDate, true);
    view.setUint32(14, e.crc, true);
    view.setUint32(18, e.compressedSize, true);
    view.setUint32(22, e.uncompressedSize, true);
    view.setUint16(26, names[i].length, true);
    header.set(names[i], 30);
    pieces.push(header);
    if (Array.isArray(e.compressed)) pieces.push(...e.compressed);
    else pieces.push(e.compressed);
    p += header.length + e.compressedSize;
  }
  const cdSize = entries.reduce((n, _, i) => n + 46 + names[i].length, 0);
  const central = new Uint8Array(cdSize + 22);
  const view = new DataView(central.buffer);
  let q = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const e = "copy" in entry ? entry.copy : entry;
    view.setUint32(q, 0x02014b50, true);
    view.setUint16(q + 4, 20, true);
    view.setUint16(q + 6, 20, true);
    view.setUint16(q + 8, "copy" in entry ? entry.copy.flags : utf8Flag(entry), true);
    view.setUint16(q + 10, e.method, true);
    view.setUint16(q + 12, e.dosTime, true);
    view.setUint16(q + 14, e.dosDate, true);
    view.setUint32(q + 16, e.crc, true);
    view.setUint32(q + 20, e.compressedSize, true);
    view.setUint32(q + 24, e.uncompressedSize, true);
    view.setUint16(q + 28, names[i].length, true);
    view.setUint32(q + 42, offsets[i], true);
    central.set(names[i], q + 46);
    q += 46 + names[i].length;
  }
  view.setUint32(q, 0x06054b50, true);
  view.setUint16(q + 8, entries.length, true);
  view.setUint16(q + 10, entries.length, true);
  view.setUint32(q + 12, cdSize, true);
  view.setUint32(q + 16, p, true);
  pieces.push(central);
  return { pieces, length: p + central.length };
}

/** General purpose bit 11: the name is UTF-8 (any name outside printable ASCII). */
function utf8Flag(e: ZipEntryToWrite): number {
  return (e.flags & 0x800) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
}

const SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Streams a laid-out zip: pieces in memory as they are, source spans piped through chunk by chunk (never held whole).
 * A span that does not start each copied entry with a local header signature, or that yields other than its length,
 * errors the stream, so storage that was given the length refuses the write instead of storing a damaged package.
 */
export function zipStream(layout: ZipLayout, source: ByteSource | null): ReadableStream<Uint8Array> {
  let next = 0;
  let span: { reader: ReadableStreamDefaultReader<Uint8Array>; piece: Exclude<Piece, Uint8Array>; at: number } | null = null;
  const damaged = () =>
    new DocxError({
      kind: "corrupt_zip",
      message: "The stored document changed or is damaged where an untouched part is copied from; nothing was saved.",
    });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          if (span) {
            const { done, value } = await span.reader.read();
            if (done) {
              if (span.at !== span.piece.length) throw damaged();
              span = null;
              continue;
            }
            if (span.at + value.length > span.piece.length || !signaturesHold(span.piece.entryStarts, span.at, value)) {
              await span.reader.cancel();
              throw damaged();
            }
            span.at += value.length;
            controller.enqueue(value);
            return;
          }
          if (next >= layout.pieces.length) {
            controller.close();
            return;
          }
          const piece = layout.pieces[next++];
          if (piece instanceof Uint8Array) {
            controller.enqueue(piece);
            return;
          }
          if (!source) throw damaged();
          span = { reader: (await source.stream(piece.offset, piece.length)).getReader(), piece, at: 0 };
        }
      },
      async cancel() {
        await span?.reader.cancel();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Whether the bytes of `chunk` (at `at` in its span) that fall on an entry's first four bytes are the signature. */
function signaturesHold(entryStarts: number[], at: number, chunk: Uint8Array): boolean {
  for (const start of entryStarts) {
    for (let k = 0; k < 4; k++) {
      const i = start + k - at;
      if (i >= 0 && i < chunk.length && chunk[i] !== SIGNATURE[k]) return false;
    }
  }
  return true;
}
