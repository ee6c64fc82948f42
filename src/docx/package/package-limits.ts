/** The memory a package will cost once opened, from its central directory, checked against the limits before any inflate. */
import { DocxError } from "../errors.js";
import type { DocxPackage } from "./docx-package.js";

/** What an opened package will hold, in declared uncompressed bytes. */
export interface PackageFootprint {
  entries: number;
  mainPart: string;
  mainPartBytes: number;
  /** XML parts other than the main one: the parts that may be parsed into trees. */
  parsedPartsBytes: number;
  totalBytes: number;
}

const isXmlName = (name: string) => /\.(xml|rels)$/i.test(name);
const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/**
 * Refuses a package whose main part or other XML parts are too large to hold in an isolate, with the numbers. Entry
 * count, per-entry size, total size and compression ratio are already checked when the central directory is read.
 */
export function checkPackageFootprint(pkg: DocxPackage): PackageFootprint {
  const mainPart = pkg.mainDocumentName();
  let mainPartBytes = 0;
  let parsedPartsBytes = 0;
  let totalBytes = 0;
  const sizes = pkg.declaredSizes();
  for (const [name, size] of sizes) {
    totalBytes += size;
    if (name === mainPart) mainPartBytes = size;
    else if (isXmlName(name)) parsedPartsBytes += size;
  }
  const { maxMainPartBytes, maxParsedPartsBytes } = pkg.limits;
  if (mainPartBytes > maxMainPartBytes) {
    throw new DocxError({
      kind: "document_too_large",
      part: mainPart,
      limit: maxMainPartBytes,
      actual: mainPartBytes,
      message:
        `The document's text (${mainPart}) is ${mb(mainPartBytes)} uncompressed; at most ${mb(maxMainPartBytes)} can be opened ` +
        "(about 3,000 pages). Split the document into smaller files.",
    });
  }
  if (parsedPartsBytes > maxParsedPartsBytes) {
    throw new DocxError({
      kind: "document_too_large",
      limit: maxParsedPartsBytes,
      actual: parsedPartsBytes,
      message:
        `The document's styles, headers, notes, comments and other XML parts come to ${mb(parsedPartsBytes)} uncompressed; ` +
        `at most ${mb(maxParsedPartsBytes)} can be opened.`,
    });
  }
  return { entries: sizes.size, mainPart, mainPartBytes, parsedPartsBytes, totalBytes };
}
