/** Writes a zip from entries whose compressed bytes are already known (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16). */
import { DocxError } from "../errors.js";
import { concat } from "./concat.js";
import { crc32 } from "./crc32.js";
import { deflateRaw, levelFor, RawDeflater } from "./deflate-raw.js";
import type { ZipEntry, ZipEntryToWrite } from "./zip-entry.js";

const encoder = new TextEncoder();

/** Builds a deflated entry for new content; timestamps default to 1980-01-01 so output is deterministic. */
export function deflateEntry(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
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
export function deflateEntryChunks(name: string, chunks: Uint8Array[], like?: ZipEntry): ZipEntryToWrite {
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

export function writeZip(entries: ZipEntryToWrite[]): Uint8Array {
  return concat(writeZipChunks(entries));
}

/**
 * The zip as consecutive chunks: each entry's compressed bytes are the entry's own view (of the input, for untouched
 * entries), so a caller that streams the chunks never holds a second copy of a large package.
 */
export function writeZipChunks(entries: ZipEntryToWrite[]): Uint8Array[] {
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  for (let i = 0; i < entries.length; i++) size += 30 + 46 + 2 * names[i].length + entries[i].compressedSize;
  if (size > 0xffffffff || entries.length > 0xffff) {
    throw new DocxError({
      kind: "unsupported_zip",
      message: "The saved package would need ZIP64 (over 4 GB or 65,535 entries); that is not supported.",
    });
  }
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    offsets.push(p);
    const header = new Uint8Array(30 + names[i].length);
    const view = new DataView(header.buffer);
    // Bit 3 (data descriptor) is cleared: sizes and CRC are written in the local header.
    view.setUint32(0, 0x04034b50, true);
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
    chunks.push(header);
    if (Array.isArray(e.compressed)) chunks.push(...e.compressed);
    else chunks.push(e.compressed);
    p += header.length + e.compressedSize;
  }
  const cdSize = entries.reduce((n, _, i) => n + 46 + names[i].length, 0);
  const central = new Uint8Array(cdSize + 22);
  const view = new DataView(central.buffer);
  let q = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    view.setUint32(q, 0x02014b50, true);
    view.setUint16(q + 4, 20, true);
    view.setUint16(q + 6, 20, true);
    view.setUint16(q + 8, utf8Flag(e), true);
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
  chunks.push(central);
  return chunks;
}

/** General purpose bit 11: the name is UTF-8 (any name outside printable ASCII). */
function utf8Flag(e: ZipEntryToWrite): number {
  return (e.flags & 0x800) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
}
