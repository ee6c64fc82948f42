/**
 * Cheap checks that an upload is an Office Open XML package (ISO/IEC 29500-2: a ZIP with a
 * [Content_Types].xml part) without holding the whole file: the first four bytes and the ZIP's
 * end of central directory, which sits in the last bytes of the file.
 */

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_ZIP_COMMENT = 0xffff;

/** How much of the end of an upload we keep: room for the EOCD, its comment, and a large central directory. */
export const PACKAGE_TAIL_BYTES = 1024 * 1024;

export type PackageCheck = { ok: true } | { ok: false; reason: string };

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

export function checkZipSignature(head: Uint8Array): PackageCheck {
  if (head.length >= 4 && u32(head, 0) === LOCAL_FILE_HEADER) return { ok: true };
  return { ok: false, reason: "it does not start with a ZIP local file header (PK\\x03\\x04); a .docx file is a ZIP package" };
}

function findEndOfCentralDirectory(tail: Uint8Array): number {
  const lowest = Math.max(0, tail.length - EOCD_SIZE - MAX_ZIP_COMMENT);
  for (let at = tail.length - EOCD_SIZE; at >= lowest; at--) {
    if (u32(tail, at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/**
 * Reads the central directory from the last bytes of a package of `totalLength` bytes and requires a
 * [Content_Types].xml entry. ZIP64 archives and directories larger than the tail pass unverified:
 * the signature check already ran and the engine rejects a broken package when it is opened.
 */
export function checkPackageTail(tail: Uint8Array, totalLength: number): PackageCheck {
  const eocd = findEndOfCentralDirectory(tail);
  if (eocd < 0) return { ok: false, reason: "it has no ZIP end-of-central-directory record (truncated or not a ZIP file)" };
  const entries = u16(tail, eocd + 10);
  const directorySize = u32(tail, eocd + 12);
  const directoryOffset = u32(tail, eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return { ok: true };
  const tailStart = totalLength - tail.length;
  if (directoryOffset + directorySize > tailStart + eocd) return { ok: false, reason: "its ZIP central directory is corrupt" };
  if (directoryOffset < tailStart) return { ok: true };
  let at = directoryOffset - tailStart;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > eocd || u32(tail, at) !== CENTRAL_DIRECTORY_HEADER) return { ok: false, reason: "its ZIP central directory is corrupt" };
    const nameLength = u16(tail, at + 28);
    const name = new TextDecoder().decode(tail.subarray(at + 46, at + 46 + nameLength));
    if (name === "[Content_Types].xml") return { ok: true };
    at += 46 + nameLength + u16(tail, at + 30) + u16(tail, at + 32);
  }
  return { ok: false, reason: "it is a ZIP file without [Content_Types].xml, so not an Office Open XML package" };
}

/** Both checks on a complete package held in memory. */
export function checkPackageBytes(bytes: Uint8Array): PackageCheck {
  const head = checkZipSignature(bytes);
  if (!head.ok) return head;
  return checkPackageTail(bytes.subarray(Math.max(0, bytes.length - PACKAGE_TAIL_BYTES)), bytes.length);
}
