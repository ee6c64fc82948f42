import { SessionError } from "../sessions/errors";
import { type ByteSource, openLibraryDocx, openLibrarySource } from "../sessions/index";
import { checkPackageBytes, checkPackageTail, PACKAGE_TAIL_BYTES } from "./docx-package-check";

export function notADocx(name: string, reason: string): SessionError {
  return new SessionError({ kind: "not_a_docx", name, message: `${name} is not a .docx file: ${reason}.` });
}

/**
 * The check every .docx upload gets before it is stored, whatever its size: an Office Open XML package (with
 * [Content_Types].xml), then opened by the engine exactly as document_open opens it (central directory and entry
 * limits, compression ratio, content types, main part well-formed, no DOCTYPE, depth limit). Throws `not_a_docx`
 * or `file_too_large` naming the file; the opened document is dropped at once.
 */
export function checkDocxUpload(name: string, bytes: Uint8Array): void {
  const check = checkPackageBytes(bytes);
  if (!check.ok) throw notADocx(name, check.reason);
  openLibraryDocx(name, bytes);
}

/**
 * The same check on an upload in storage, by range reads as document_open reads it (its last bytes, central directory
 * and XML parts; never its media). Its first bytes were checked for the ZIP signature as they arrived.
 */
export async function checkDocxSource(name: string, source: ByteSource): Promise<void> {
  const tailLength = Math.min(source.size, PACKAGE_TAIL_BYTES);
  const check = checkPackageTail(await source.read(source.size - tailLength, tailLength), source.size);
  if (!check.ok) throw notADocx(name, check.reason);
  await openLibrarySource(name, source);
}
