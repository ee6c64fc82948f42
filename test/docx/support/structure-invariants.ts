/** Runs the structure invariant checks (src/docx/invariants/structure-*.ts) on a saved .docx. */
import { strFromU8, unzipSync } from "fflate";
import { checkMovePairs } from "../../../src/docx/invariants/structure-move-pairs.js";
import { checkNoteReferences } from "../../../src/docx/invariants/structure-note-references.js";
import { checkRevisionIds } from "../../../src/docx/invariants/structure-revision-ids.js";
import { checkTableGrid } from "../../../src/docx/invariants/structure-table-grid.js";

export const STRUCTURE_CHECKS = { checkTableGrid, checkRevisionIds, checkMovePairs, checkNoteReferences };

/** Part name -> XML text of every XML part (.rels and [Content_Types].xml included). */
export function xmlParts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) out.set(name, strFromU8(data));
  return out;
}

export function structureViolations(bytes: Uint8Array): string[] {
  const parts = xmlParts(bytes);
  return Object.values(STRUCTURE_CHECKS).flatMap((check) => check(parts));
}
