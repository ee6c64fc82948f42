/**
 * Applies a patch's operations in order. The caller makes it atomic (DocxDocument.applyPatch reverts everything on a
 * failure); a failure is reported as `patch_failed` naming the operation's index, op and path, with the cause.
 */
import { DocxError, isDocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { findById } from "../../paths/index.js";
import { addElement, copyElement, moveElement, removeElement, replaceElement } from "../elements/element-edits.js";
import { removeTableColumn } from "../elements/remove-column.js";
import { replaceText } from "../replace-text.js";
import { trackingOf } from "../tracking.js";
import { type PatchOperation, parsePatch } from "./patch-operation.js";

export type OperationResult = {
  op: PatchOperation["op"];
  path: string;
  status: "success" | "would_succeed";
  element_path?: string | null;
} & Record<string, unknown>;

export function applyPatchOperations(doc: WordDocument, operations: unknown): OperationResult[] {
  const ops = parsePatch(operations);
  const results = ops.map((op, index): OperationResult => {
    try {
      return { op: op.op, path: op.path, status: "success", ...run(doc, op) };
    } catch (e) {
      if (!isDocxError(e)) throw e;
      const where = op.op === "move" || op.op === "copy" ? `${op.from} → ${op.path}` : op.path;
      throw new DocxError({
        kind: "patch_failed",
        index,
        op: op.op,
        path: op.path,
        cause: e.failure,
        message: `Operation ${index} (${op.op} ${where}) failed: ${e.message} No operation was applied; the document is unchanged.`,
      });
    }
  });
  // Paths at the end of the patch, for elements an operation created or kept (later operations may shift them).
  for (const r of results) {
    const id = (r.created_id ?? r.replaced_id ?? r.moved_id ?? r.copy_id) as string | undefined;
    if (id) r.element_path = pathOf(doc, id);
  }
  return results;
}

function run(doc: WordDocument, op: PatchOperation): Record<string, unknown> {
  switch (op.op) {
    case "add":
      return { ...addElement(doc, op.path, op.value) };
    case "replace":
      return { ...replaceElement(doc, op.path, op.value) };
    case "remove":
      return { ...removeElement(doc, op.path) };
    case "move":
      return { ...moveElement(doc, op.from, op.path) };
    case "copy":
      return { ...copyElement(doc, op.from, op.path) };
    case "replace_text": {
      const r = replaceText(doc, op.path, { find: op.find, replace: op.replace, maxCount: op.max_count, revision: trackingOf(doc) });
      return {
        matches_found: r.matchesFound,
        replacements_made: r.replacementsMade,
        paragraphs: r.paragraphs,
        ...(r.skippedCount ? { skipped_count: r.skippedCount, skipped: r.skipped } : {}),
      };
    }
    case "remove_column":
      return { ...removeTableColumn(doc, op.path, op.column) };
  }
}

function pathOf(doc: WordDocument, id: string): string | null {
  try {
    return findById(doc, id).path;
  } catch {
    return null;
  }
}
