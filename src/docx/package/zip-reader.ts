/**
 * Reads a zip's central directory (APPNOTE.TXT 4.3.12-4.3.16, ZIP64 4.3.14) and inflates single entries on demand,
 * from a whole file in memory or from a ByteSource read by ranges. Every limit that the directory can tell is checked
 * before any entry is read.
 */
import { DocxError } from "../errors.js";
import type { ByteSource } from "./byte-source.js";
import { crc32 } from "./crc32.js";
import { inflateRaw } from "./deflate-raw.js";
import type { DocxLimits } from "./limits.js";
import type { CentralEntry, ZipEntry } from "./zip-entry.js";

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
export const LOCAL_SIG = 0x04034b50;
/** The end record (22 bytes) with the longest comment it may carry, plus room for the ZIP64 locator and record. */
const TAIL_BYTES = 22 + 0xffff + 20 + 56;

function corrupt(message: string, entry?: string): DocxError {
  return new DocxError({ kind: "corrupt_zip", entry, message });
}

const notAZip = () =>
  new DocxError({ kind: "not_a_zip", message: "The file is not a .docx: it does not start with a zip signature (PK)." });

const viewOf = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Where the central directory is, from the end record found in `tail` (the file's last bytes). */
interface DirectoryEnd {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** File offset of the ZIP64 end record, when the end record defers to it. */
  zip64At: number | null;
}

function findDirectoryEnd(tail: Uint8Array): DirectoryEnd | null {
  const view = viewOf(tail);
  const min = Math.max(0, tail.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = tail.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const wantsZip64 = count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff;
  if (wantsZip64 && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    return { count, cdSize, cdOffset, zip64At: Number(view.getBigUint64(eocd - 12, true)) };
  }
  return { count, cdSize, cdOffset, zip64At: null };
}

/** Where the directory is, from the ZIP64 end record (the 56 bytes at `zip64At`). */
function withZip64(record: Uint8Array): DirectoryEnd {
  const view = viewOf(record);
  if (record.length < 56 || view.getUint32(0, true) !== ZIP64_EOCD_SIG) throw corrupt("The zip's ZIP64 end record is damaged.");
  return {
    count: Number(view.getBigUint64(32, true)),
    cdSize: Number(view.getBigUint64(40, true)),
    cdOffset: Number(view.getBigUint64(48, true)),
    zip64At: null,
  };
}

function checkDirectoryBounds(end: DirectoryEnd, fileSize: number, limits: DocxLimits): void {
  if (end.count > limits.maxEntries) {
    throw new DocxError({
      kind: "zip_bomb",
      limit: limits.maxEntries,
      actual: end.count,
      message: `The package has ${end.count} entries; at most ${limits.maxEntries} are accepted.`,
    });
  }
  if (end.cdOffset + end.cdSize > fileSize) throw corrupt("The zip is truncated: its central directory lies beyond the end of the file.");
}

/** Parses `count` central directory records from `cd`, refusing what the limits forbid before anything is inflated. */
function parseDirectory(cd: Uint8Array, count: number, cdOffset: number, limits: DocxLimits): CentralEntry[] {
  const view = viewOf(cd);
  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || view.getUint32(p, true) !== CENTRAL_SIG)
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
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw corrupt(`The zip's central directory is damaged at entry ${i}.`);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : latin1(nameBytes);
    // ZIP64 extended information (header id 1) carries the 64-bit values that are 0xFFFFFFFF above.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        const next = () => {
          if (q + 8 > extraEnd) throw corrupt(`The ZIP64 sizes of entry ${i} are damaged.`);
          const value = Number(view.getBigUint64(q, true));
          q += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
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
    entries.push({ name, method, crc, compressedSize, uncompressedSize, dosTime, dosDate, flags, localOffset, extent: 0 });
  }
  measureExtents(entries, cdOffset);
  return entries;
}

/**
 * Sets each entry's extent: up to the next entry's local header in file order, or the central directory. Entries
 * that overlap (one entry's data inside another's, a zip bomb's trick) or lie past the directory are refused.
 */
function measureExtents(entries: CentralEntry[], cdOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const end = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdOffset;
    if (e.localOffset + 30 + e.compressedSize > end) {
      throw corrupt(
        i + 1 < byOffset.length
          ? `The zip is damaged: the data of "${e.name}" overlaps the entry "${byOffset[i + 1].name}".`
          : `The zip is damaged: the data of "${e.name}" runs into the central directory.`,
        e.name,
      );
    }
    e.extent = end - e.localOffset;
  }
}

/**
 * The compressed bytes of an entry, as a view of `span`: the bytes from its local header on (at least up to the end of
 * its data). Checks the local header's signature and that the data lies within the entry's extent.
 */
export function entryData(entry: CentralEntry, span: Uint8Array): Uint8Array {
  const view = viewOf(span);
  if (span.length < 30 || view.getUint32(0, true) !== LOCAL_SIG)
    throw corrupt(`The local header of "${entry.name}" is missing or damaged.`, entry.name);
  const dataStart = 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (dataStart + entry.compressedSize > Math.min(span.length, entry.extent)) {
    throw corrupt(`The zip is truncated or damaged: the data of "${entry.name}" runs past where its entry ends.`, entry.name);
  }
  return span.subarray(dataStart, dataStart + entry.compressedSize);
}

/** Lists the entries of a zip held whole in memory, without inflating anything. */
export function readZipEntries(bytes: Uint8Array, limits: DocxLimits): ZipEntry[] {
  return readZipDirectory(bytes, limits).map(({ central: { localOffset: _o, extent: _e, ...facts }, compressed }) => ({
    ...facts,
    compressed,
  }));
}

/** The central directory of a zip held whole in memory, each entry with its compressed bytes (a view of `bytes`). */
export function readZipDirectory(bytes: Uint8Array, limits: DocxLimits): { central: CentralEntry; compressed: Uint8Array }[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notAZip();
  let end = findDirectoryEnd(bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)));
  if (!end) throw corrupt("The zip is truncated or damaged: its end-of-central-directory record is missing.");
  if (end.zip64At !== null) end = withZip64(bytes.subarray(end.zip64At, end.zip64At + 56));
  checkDirectoryBounds(end, bytes.length, limits);
  const central = parseDirectory(bytes.subarray(end.cdOffset, end.cdOffset + end.cdSize), end.count, end.cdOffset, limits);
  return central.map((e) => ({ central: e, compressed: entryData(e, bytes.subarray(e.localOffset, e.localOffset + e.extent)) }));
}

/**
 * Reads a zip's central directory through range reads: its last bytes, then the directory if they did not hold it.
 * Nothing of any entry is read but what lies in those last bytes (`tail`, from `tailStart`), which the caller may use.
 */
export async function readCentralDirectory(
  source: ByteSource,
  limits: DocxLimits,
): Promise<{ entries: CentralEntry[]; tail: Uint8Array; tailStart: number }> {
  if (source.size < 22) throw notAZip();
  const tailStart = Math.max(0, source.size - TAIL_BYTES);
  const tail = await source.read(tailStart, source.size - tailStart);
  let end = findDirectoryEnd(tail);
  if (!end) {
    // Only now is the start worth a read: a file that is no zip at all is told apart from a damaged one.
    const head = tailStart === 0 ? tail : await source.read(0, 2);
    if (head[0] !== 0x50 || head[1] !== 0x4b) throw notAZip();
    throw corrupt("The zip is truncated or damaged: its end-of-central-directory record is missing.");
  }
  const within = (offset: number, length: number) =>
    offset >= tailStart && offset + length <= source.size ? tail.subarray(offset - tailStart, offset - tailStart + length) : null;
  if (end.zip64At !== null) {
    if (end.zip64At + 56 > source.size) throw corrupt("The zip's ZIP64 end record is damaged.");
    end = withZip64(within(end.zip64At, 56) ?? (await source.read(end.zip64At, 56)));
  }
  checkDirectoryBounds(end, source.size, limits);
  const cd = within(end.cdOffset, end.cdSize) ?? (await source.read(end.cdOffset, end.cdSize));
  return { entries: parseDirectory(cd, end.count, end.cdOffset, limits), tail, tailStart };
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
