/**
 * The engine's edit vocabulary: every way to change a document is one operation kind registered here once, with its
 * parser and runner. A patch may mix kinds; single edits are one-operation patches.
 */
import { DocxError, isDocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { findById } from "../../paths/index.js";
import { describe as describeValue, isObject } from "../elements/value-fields.js";
import { commentAdd, commentDelete, commentReply, commentResolve } from "./comment-operations.js";
import { add, copy, move, remove, removeColumn, replace } from "./element-operations.js";
import { setMetadata } from "./metadata-operations.js";
import type { OperationKind } from "./operation.js";
import type { Fields } from "./operation-fields.js";
import { OperationInput } from "./operation-input.js";
import { revisionAccept, revisionAcceptAll, revisionReject, revisionRejectAll, trackChanges } from "./revision-operations.js";
import { setFooter, setHeader, setPageSetupKind } from "./section-operations.js";
import { setLanguageKind, styleElement, styleParagraph, styleTable } from "./style-operations.js";
import { insertTextKind, replaceParagraphTextKind, replaceTextKind } from "./text-operations.js";

export const MAX_PATCH_OPERATIONS = 50;

/** Every operation kind by the name a patch gives it in `op` (docx-mcp's patch names, then its tool names). */
export const OPERATIONS = {
  add,
  replace,
  remove,
  move,
  copy,
  remove_column: removeColumn,
  replace_text: replaceTextKind,
  insert_text: insertTextKind,
  replace_paragraph_text: replaceParagraphTextKind,
  style_element: styleElement,
  style_paragraph: styleParagraph,
  style_table: styleTable,
  comment_add: commentAdd,
  comment_reply: commentReply,
  comment_resolve: commentResolve,
  comment_delete: commentDelete,
  revision_accept: revisionAccept,
  revision_reject: revisionReject,
  revision_accept_all: revisionAcceptAll,
  revision_reject_all: revisionRejectAll,
  track_changes_enable: trackChanges,
  set_page_setup: setPageSetupKind,
  set_header: setHeader,
  set_footer: setFooter,
  set_metadata: setMetadata,
  set_language: setLanguageKind,
} as const;

export type OperationName = keyof typeof OPERATIONS;
const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** Every kind's fields as data, for adapters that type them (src/mcp derives its schemas from these). */
export const OPERATION_FIELDS = Object.fromEntries(OPERATION_NAMES.map((name) => [name, OPERATIONS[name].fields])) as Record<
  OperationName,
  Fields
>;

export type OperationResultOf<N extends OperationName> = ReturnType<(typeof OPERATIONS)[N]["run"]>;

/** One validated operation, ready to run. */
export interface ParsedOperation {
  op: OperationName;
  input: unknown;
}

/** The outcome of one applied operation: its kind, its domain result, and the path of the element it left in place. */
export interface AppliedOperation {
  op: OperationName;
  result: Record<string, unknown>;
  /** For operations that create or keep an element: its path once the whole patch applied (later operations may shift it). */
  elementPath?: string | null;
}

function kindOf(name: OperationName): OperationKind<unknown, Record<string, unknown>> {
  return OPERATIONS[name] as unknown as OperationKind<unknown, Record<string, unknown>>;
}

/** Validates one operation (`{ "op": ..., fields }`); `at` is where the caller wrote it ("operations[2]", or ""). */
export function parseOperation(o: unknown, at: string): ParsedOperation {
  const field = (key: string) => (at ? `${at}.${key}` : key);
  if (!isObject(o))
    throw invalid(
      at || "operation",
      `must be an object like {"op": "add", "path": "/body/children/0", "value": {...}}, got ${describeValue(o)}.`,
    );
  const op = o.op;
  if (typeof op !== "string" || !Object.hasOwn(OPERATIONS, op))
    throw invalid(field("op"), `${describeValue(op)} is not an operation; use one of ${OPERATION_NAMES.join(", ")}.`);
  const kind = kindOf(op as OperationName);
  const input = new OperationInput(o, at, op);
  input.only(Object.keys(kind.fields));
  return { op: op as OperationName, input: kind.parse(input) };
}

/** Validates a whole patch before anything is applied; errors name the operation and field, e.g. `operations[4].path`. */
export function parsePatch(operations: unknown): ParsedOperation[] {
  if (!Array.isArray(operations)) throw invalid("operations", `must be an array of operations, got ${describeValue(operations)}.`);
  if (operations.length === 0) throw invalid("operations", "is empty; give at least one operation.");
  if (operations.length > MAX_PATCH_OPERATIONS)
    throw invalid(
      "operations",
      `has ${operations.length} operations; at most ${MAX_PATCH_OPERATIONS} are allowed per call, split the patch.`,
    );
  return operations.map((o, i) => parseOperation(o, `operations[${i}]`));
}

/** Runs one validated operation. The caller reverts the document when it throws. */
function runOperation(doc: WordDocument, op: ParsedOperation): Record<string, unknown> {
  return kindOf(op.op).run(doc, op.input);
}

/** One line for the history, naming what `op` did. */
export function describeOperation(op: ParsedOperation, result: Record<string, unknown>): string {
  return kindOf(op.op).describe(op.input, result);
}

/**
 * Runs a patch's operations in order; a failure is `patch_failed` naming the operation's index, op and target with
 * its cause. The caller makes the patch atomic by reverting on a throw.
 */
export function runPatch(doc: WordDocument, ops: ParsedOperation[]): AppliedOperation[] {
  const applied = ops.map((op, index): AppliedOperation => {
    try {
      return { op: op.op, result: runOperation(doc, op) };
    } catch (e) {
      if (!isDocxError(e)) throw e;
      const where = kindOf(op.op).where(op.input);
      throw new DocxError({
        kind: "patch_failed",
        index,
        op: op.op,
        path: where,
        cause: e.failure,
        message: `Operation ${index} (${op.op} ${where}) failed: ${e.message} No operation was applied; the document is unchanged.`,
      });
    }
  });
  for (const a of applied) {
    const id = keptElementId(a.result);
    if (id) a.elementPath = pathOf(doc, id);
  }
  return applied;
}

/** The id of the element an element operation created or kept, whose final path a result reports. */
function keptElementId(result: Record<string, unknown>): string | undefined {
  const id = result.createdId ?? result.replacedId ?? result.movedId ?? result.copyId;
  return typeof id === "string" && id ? id : undefined;
}

function pathOf(doc: WordDocument, id: string): string | null {
  try {
    return findById(doc, id).path;
  } catch {
    return null;
  }
}

function invalid(field: string, message: string): DocxError {
  return new DocxError({ kind: "invalid_argument", field, message: `${field} ${message}` });
}
