/** The operations of a patch (RFC 6902 style, as docx-mcp writes them), validated before anything is applied. */
import { DocxError } from "../../errors.js";
import { describe, isObject } from "../elements/value-fields.js";

export const MAX_PATCH_OPERATIONS = 50;

export type PatchOperation =
  | { op: "add"; path: string; value: unknown }
  | { op: "replace"; path: string; value: unknown }
  | { op: "remove"; path: string }
  | { op: "move"; from: string; path: string }
  | { op: "copy"; from: string; path: string }
  | { op: "replace_text"; path: string; find: string; replace: string; max_count: number }
  | { op: "remove_column"; path: string; column: number };

export const PATCH_OPS = ["add", "replace", "remove", "move", "copy", "replace_text", "remove_column"] as const;

/** Checks the shape of every operation; errors name the operation's index and field, e.g. `operations[4].path`. */
export function parsePatch(operations: unknown): PatchOperation[] {
  if (!Array.isArray(operations)) throw bad("operations", `must be an array of operations, got ${describe(operations)}.`);
  if (operations.length === 0) throw bad("operations", "is empty; give at least one operation.");
  if (operations.length > MAX_PATCH_OPERATIONS)
    throw bad("operations", `has ${operations.length} operations; at most ${MAX_PATCH_OPERATIONS} are allowed per call, split the patch.`);
  return operations.map((o, i) => parseOperation(o, `operations[${i}]`));
}

function parseOperation(o: unknown, field: string): PatchOperation {
  if (!isObject(o))
    throw bad(field, `must be an object like {"op": "add", "path": "/body/children/0", "value": {...}}, got ${describe(o)}.`);
  const op = o.op;
  const str = (key: string, allowEmpty = false): string => {
    const v = o[key];
    if (typeof v !== "string" || (!allowEmpty && v.trim() === ""))
      throw bad(`${field}.${key}`, `is required for "${String(op)}" and must be a ${allowEmpty ? "" : "non-empty "}string.`);
    return v;
  };
  const value = () => {
    if (o.value === undefined)
      throw bad(`${field}.value`, `is required for "${String(op)}": the element as JSON, e.g. {"type": "paragraph", "text": "Hello"}.`);
    return o.value;
  };
  switch (op) {
    case "add":
    case "replace":
      return { op, path: str("path"), value: value() };
    case "remove":
      return { op, path: str("path") };
    case "move":
    case "copy":
      return { op, from: str("from"), path: str("path") };
    case "replace_text": {
      const max = o.max_count ?? 1;
      if (typeof max !== "number" || !Number.isInteger(max) || max < 0)
        throw bad(`${field}.max_count`, `must be a whole number >= 0 (0 only counts), got ${describe(max)}.`);
      return { op, path: str("path"), find: str("find"), replace: str("replace", true), max_count: max };
    }
    case "remove_column": {
      const column = o.column;
      if (typeof column !== "number" || !Number.isInteger(column) || column < 0)
        throw bad(`${field}.column`, `must be a column index >= 0, got ${describe(column)}.`);
      return { op, path: str("path"), column };
    }
    default:
      throw bad(`${field}.op`, `${describe(op)} is not an operation; use one of ${PATCH_OPS.join(", ")}.`);
  }
}

function bad(field: string, message: string): DocxError {
  return new DocxError({ kind: "invalid_argument", field, message: `${field} ${message}` });
}
