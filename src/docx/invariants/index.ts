/**
 * The shared invariant checker: what every saved package must satisfy whatever edits made it. Each check is a pure
 * function over the package's XML parts (part name -> XML text, including .rels and [Content_Types].xml) returning
 * human-readable violations; `names` lists every zip entry, binary ones too, for checks about what exists.
 */
import { DEFAULT_LIMITS, inflateEntry, readZipEntries, type ZipEntry } from "../package/index.js";
import { decodePart } from "../xml/index.js";
import { checkCommentRanges } from "./comment-ranges.js";
import { checkContentTypes } from "./content-types.js";
import { checkFieldsBalanced } from "./fields-balanced.js";
import { checkParagraphIds } from "./paragraph-ids.js";
import { checkRelationshipTargets } from "./relationship-targets.js";
import { checkMovePairs } from "./structure-move-pairs.js";
import { checkNoteReferences } from "./structure-note-references.js";
import { checkRevisionIds } from "./structure-revision-ids.js";
import { checkTableGrid } from "./structure-table-grid.js";
import { checkWellFormed } from "./well-formed.js";

export type PackageCheck = (parts: ReadonlyMap<string, string>, names: ReadonlySet<string>) => string[];

export interface Violation {
  check: string;
  message: string;
}

/** Every check, run in this order; a check's name in a violation is its function's name. */
export const PACKAGE_CHECKS: readonly PackageCheck[] = [
  checkWellFormed,
  checkRelationshipTargets,
  checkContentTypes,
  checkParagraphIds,
  checkFieldsBalanced,
  checkCommentRanges,
  checkTableGrid,
  checkRevisionIds,
  checkMovePairs,
  checkNoteReferences,
];

/** Unzips a saved .docx and runs every check; an empty list means the package is sound. */
export function checkPackage(bytes: Uint8Array, checks: readonly PackageCheck[] = PACKAGE_CHECKS): Violation[] {
  // The engine's own zip reader, within the engine's limits: the checker reads a package as document_open would.
  let entries: ZipEntry[];
  const parts = new Map<string, string>();
  try {
    entries = readZipEntries(bytes, DEFAULT_LIMITS).filter((e) => !e.name.endsWith("/"));
    for (const entry of entries) {
      if (/\.(xml|rels)$/i.test(entry.name)) parts.set(entry.name, decodePart(inflateEntry(entry, DEFAULT_LIMITS)).text);
    }
  } catch (e) {
    return [{ check: "zip", message: `The package is not a readable zip: ${(e as Error).message}` }];
  }
  const names = new Set(entries.map((e) => e.name));
  return checks.flatMap((check) => check(parts, names).map((message) => ({ check: check.name, message })));
}
