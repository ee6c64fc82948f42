/** The size check an upload can run before storing a .docx: the same one DocxDocument.open runs first. */
import { checkPackageFootprint, type DocxLimits, DocxPackage, type PackageFootprint } from "./package/index.js";

/**
 * Reads the central directory (and the small package relationships and content types) and throws a DocxError with
 * the numbers when the package is not a Word document or would not fit in an isolate once opened: too many entries,
 * an entry or the whole too large, a suspicious compression ratio, the main part or the other XML parts too large.
 */
export function checkDocxLimits(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): PackageFootprint {
  return checkPackageFootprint(DocxPackage.open(bytes, limits));
}
