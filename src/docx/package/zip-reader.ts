/** Reads a zip's central directory (APPNOTE.TXT 4.3.12-4.3.16, ZIP64 4.3.14) and inflates single entries on demand. */
import { DocxError } from "../errors.js";
import { crc32 } from "./crc32.js";
import { inflateRaw } from "./deflate-raw.js";
import type { DocxLimits } from "./limits.js";
import type { ZipEntry } from "./zip-entry.js";

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

function corrupt(message: string, entry?: string): DocxError {
  return new DocxError({ kind: "corrupt_zip", entry, message });
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) return i;
  }
  return -1;
}

/** Lists the entries of a zip without inflating anything. */
export function readZipEntries(bytes: Uint8Array, limits: DocxLimits): ZipEntry[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DocxError({ kind: "not_a_zip", message: "The file is not a .docx: it does not start with a zip signature (PK)." });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt("The zip is truncated or damaged: its end-of-central-directory record is missing.");
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG
  ) {
    const z64 = Number(view.getBigUint64(eocd - 12, true));
    if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== ZIP64_EOCD_SIG) throw corrupt("The zip's ZIP64 end record is damaged.");
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (count > limits.maxEntries) {
    throw new DocxError({
      kind: "zip_bomb",
      limit: limits.maxEntries,
      actual: count,
      message: `The package has ${count} entries; at most ${limits.maxEntries} are accepted.`,
    });
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt("The zip is truncated: its central directory lies beyond the end of the file.");

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIG)
      throw corrupt(`The zip's central directory is damaged at entry ${i}.`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const dosTime = view.getUint16(p + 12, true);
    const dosDate = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localOffset = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : latin1(nameBytes);
    // ZIP64 extended information (header id 1) carries the 64-bit values that are 0xFFFFFFFF above.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (localOffset === 0xffffffff) {
          localOffset = Number(view.getBigUint64(q, true));
        }
      }
      e += 4 + size;
    }
    p = extraEnd + commentLen;

    checkEntryName(name);
    if (seen.has(name)) throw corrupt(`The zip has two entries named "${name}".`, name);
    seen.add(name);
    if (flags & 1)
      throw new DocxError({
        kind: "unsupported_zip",
        entry: name,
        message: `Entry "${name}" is encrypted; password-protected documents are not supported.`,
      });
    if (method !== 0 && method !== 8)
      throw new DocxError({
        kind: "unsupported_zip",
        entry: name,
        message: `Entry "${name}" uses compression method ${method}; only stored (0) and deflate (8) are supported.`,
      });
    checkSizes(name, compressedSize, uncompressedSize, limits);
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new DocxError({
        kind: "zip_bomb",
        entry: name,
        limit: limits.maxTotalBytes,
        actual: total,
        message: `The package expands to more than ${limits.maxTotalBytes} bytes; refusing to open it.`,
      });
    }

    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIG)
      throw corrupt(`The local header of "${name}" is missing or damaged.`, name);
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length)
      throw corrupt(`The zip is truncated: the data of "${name}" runs past the end of the file.`, name);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      uncompressedSize,
      dosTime,
      dosDate,
      flags,
      compressed: bytes.subarray(dataStart, dataStart + compressedSize),
    });
  }
  return entries;
}

function checkSizes(name: string, compressedSize: number, uncompressedSize: number, limits: DocxLimits): void {
  if (uncompressedSize > limits.maxEntryBytes) {
    throw new DocxError({
      kind: "zip_bomb",
      entry: name,
      limit: limits.maxEntryBytes,
      actual: uncompressedSize,
      message: `Entry "${name}" expands to ${uncompressedSize} bytes; at most ${limits.maxEntryBytes} are accepted.`,
    });
  }
  if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > compressedSize * limits.maxCompressionRatio) {
    const ratio = Math.round(uncompressedSize / Math.max(1, compressedSize));
    throw new DocxError({
      kind: "zip_bomb",
      entry: name,
      limit: limits.maxCompressionRatio,
      actual: ratio,
      message: `Entry "${name}" has a compression ratio of ${ratio}:1 (limit ${limits.maxCompressionRatio}:1); it looks like a zip bomb.`,
    });
  }
}

/** Refuses names that would escape an extraction folder (zip slip). */
export function checkEntryName(name: string): void {
  const parts = name.split(/[\\/]/);
  const absolute = name.startsWith("/") || name.startsWith("\\") || /^[A-Za-z]:/.test(name);
  if (absolute || parts.includes("..") || name.includes("\0")) {
    throw new DocxError({
      kind: "unsafe_entry_name",
      entry: name,
      message: `Entry name "${name}" is absolute or contains "..": refusing the package.`,
    });
  }
}

/** Inflates one entry natively, never producing more than its declared size, and checks its CRC. */
export function inflateEntry(entry: ZipEntry, limits: DocxLimits): Uint8Array {
  const declared = entry.uncompressedSize;
  let out: Uint8Array;
  if (entry.method === 0) {
    out = entry.compressed;
  } else {
    // The output is capped at the declared size (itself within the limits), so a bomb costs at most that much.
    const inflated = inflateRaw(entry.compressed, Math.min(declared, limits.maxEntryBytes));
    if ("failure" in inflated) {
      if (inflated.failure === "too_large") {
        throw new DocxError({
          kind: "zip_bomb",
          entry: entry.name,
          limit: declared,
          actual: declared + 1,
          message: `Entry "${entry.name}" inflates to more than its declared ${declared} bytes; refusing it.`,
        });
      }
      throw corrupt(`Entry "${entry.name}" is damaged: its deflate data cannot be decompressed (${inflated.reason}).`, entry.name);
    }
    out = inflated;
  }
  if (out.length !== declared)
    throw corrupt(`Entry "${entry.name}" inflates to ${out.length} bytes, not the declared ${declared}.`, entry.name);
  if (crc32(out) !== entry.crc) throw corrupt(`Entry "${entry.name}" fails its CRC check: the file is damaged.`, entry.name);
  return out;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
