/** Writes a zip from entries whose compressed bytes are already known (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16). */
import { deflateSync } from "fflate";
import { DocxError } from "../errors.js";
import { crc32 } from "./crc32.js";
import type { ZipEntry } from "./zip-entry.js";

const encoder = new TextEncoder();

/** Builds a deflated entry for new content; timestamps default to 1980-01-01 so output is deterministic. */
export function deflateEntry(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
  const compressed = deflateSync(data, { level: 6 });
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

export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  for (let i = 0; i < entries.length; i++) size += 30 + 46 + 2 * names[i].length + entries[i].compressed.length;
  if (size > 0xffffffff || entries.length > 0xffff) {
    throw new DocxError({ kind: "unsupported_zip", message: "The saved package would need ZIP64 (over 4 GB or 65,535 entries); that is not supported." });
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    offsets.push(p);
    // Bit 3 (data descriptor) is cleared: sizes and CRC are written in the local header.
    const flags = (e.flags & 0x800) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.dosTime, true);
    view.setUint16(p + 12, e.dosDate, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.compressed.length, true);
    view.setUint32(p + 22, e.uncompressedSize, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.compressed, p + 30 + names[i].length);
    p += 30 + names[i].length + e.compressed.length;
  }
  const cdStart = p;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const flags = (e.flags & 0x800) | (/[^\x20-\x7e]/.test(e.name) ? 0x800 : 0);
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.dosTime, true);
    view.setUint16(p + 14, e.dosDate, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.compressed.length, true);
    view.setUint32(p + 24, e.uncompressedSize, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out.subarray(0, p + 22);
}
