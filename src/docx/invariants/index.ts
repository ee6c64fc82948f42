/**
 * The shared invariant checker: what every saved package must satisfy whatever edits made it. Each check is a pure
 * function over the package's XML parts (part name -> XML text, including .rels and [Content_Types].xml) returning
 * human-readable violations; `names` lists every zip entry, binary ones too, for checks about what exists.
 */
import { unzipSync } from "fflate";
import { decodePart } from "../xml/index.js";
import { checkCommentRanges } from "./comment-ranges.js";
import { checkContentTypes } from "./content-types.js";
import { checkFieldsBalanced } from "./fields-balanced.js";
import { checkParagraphIds } from "./paragraph-ids.js";
import { checkRelationshipTargets } from "./relationship-targets.js";
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
];

/** Unzips a saved .docx and runs every check; an empty list means the package is sound. */
export function checkPackage(bytes: Uint8Array, checks: readonly PackageCheck[] = PACKAGE_CHECKS): Violation[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return [{ check: "zip", message: `The package is not a readable zip: ${(e as Error).message}` }];
  }
  const names = new Set(Object.keys(entries).filter((n) => !n.endsWith("/")));
  const parts = new Map<string, string>();
  for (const name of names) if (/\.(xml|rels)$/i.test(name)) parts.set(name, decodePart(entries[name]).text);
  return checks.flatMap((check) => check(parts, names).map((message) => ({ check: check.name, message })));
}
