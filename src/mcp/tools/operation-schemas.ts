/**
 * Typed schemas for every engine operation kind, derived from the field descriptors its registry entry declares: the
 * same shape is an apply_patch entry (with its "op") and, with the shared parameters and the descriptors' notes, the
 * input of the operation's own tool. A new kind is typed here without an edit. The engine checks the values again,
 * with errors that name the field and what is allowed.
 */
import { z } from "zod";
import { type Field, type Fields, OPERATION_FIELDS, type OperationName } from "../../docx/index";
import { cellStyle, elementValue, paragraphStyle, rowStyle, runStyle, tableStyle } from "../element-schema";

/** docx-mcp passed element values and style objects as JSON text; both that and the object are accepted. */
const orJson = <T extends z.ZodType>(schema: T) => z.union([schema, z.string()]);

/** Named, so apply_patch's many paths refer to one definition. */
const path = z.string().min(1).max(1000).meta({ id: "path" });
const commentId = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).meta({ id: "comment_id" });
const revisionId = z.union([z.number().int(), z.string().min(1).max(32)]);
const length = z.union([z.string().max(20), z.number().min(0)]).meta({ id: "length", description: '"2.5cm", "1in", "72pt" or twips.' });
const elementOrJson = orJson(elementValue);
const styles = {
  run: orJson(runStyle),
  paragraph: orJson(paragraphStyle),
  table: orJson(tableStyle),
  cell: orJson(cellStyle),
  row: orJson(rowStyle),
};

/** The one mapping from an engine field descriptor to its schema; the composite kinds are the shared schemas. */
function fieldSchema(f: Field): z.ZodType {
  switch (f.type) {
    case "string": {
      let s = z.string();
      if (f.min > 0) s = s.min(f.min);
      s = s.max(f.max);
      return f.pattern === undefined ? s : s.regex(new RegExp(f.pattern));
    }
    case "integer": {
      const n = z.number().int().min(f.min);
      return f.max === undefined ? n : n.max(f.max);
    }
    case "boolean":
      return z.boolean();
    case "enum":
      return z.enum(f.values as [string, ...string[]]);
    case "path":
      return path;
    case "element":
      return elementOrJson;
    case "style":
      return styles[f.of];
    case "comment_id":
      return commentId;
    case "revision_id":
      return revisionId;
    case "length":
      return length;
    case "lengths":
      return z.strictObject(Object.fromEntries(f.keys.map((key) => [key, length.optional()])));
  }
}

/** A kind's fields as a zod shape; `described` adds the descriptors' notes (tools carry them, patch entries do not). */
function shapeOf(fields: Fields, described: boolean): z.ZodRawShape {
  return Object.fromEntries(
    Object.entries(fields).map(([name, f]) => {
      let schema = fieldSchema(f);
      if (f.optional) schema = schema.optional();
      return [name, described && f.note ? schema.describe(f.note) : schema];
    }),
  );
}

/** The fields of `op` with the notes that tell a tool's caller what each means. */
export const describedFields = (op: OperationName): z.ZodRawShape => shapeOf(OPERATION_FIELDS[op], true);

/** A kind's fields without their notes, for comparing kinds. */
const signature = (fields: Fields) => JSON.stringify(Object.entries(fields).map(([name, { note: _note, ...f }]) => [name, f]));

/**
 * One apply_patch entry: an operation of any of the given kinds (op name -> fields), discriminated by "op". Kinds
 * with the same fields (add and replace, move and copy, ...) share one member whose "op" is any of them: it accepts
 * exactly what a member per kind would, and the listed schema stays short.
 */
export function patchOperationOf(kinds: Readonly<Record<string, Fields>>) {
  const groups = new Map<string, { ops: string[]; fields: Fields }>();
  for (const [op, fields] of Object.entries(kinds)) {
    const key = signature(fields);
    const group = groups.get(key);
    if (group) group.ops.push(op);
    else groups.set(key, { ops: [op], fields });
  }
  const members = [...groups.values()].map(({ ops, fields }) =>
    z.strictObject({ op: ops.length === 1 ? z.literal(ops[0]) : z.enum(ops as [string, ...string[]]), ...shapeOf(fields, false) }),
  );
  return z.discriminatedUnion("op", members as unknown as [z.ZodObject, ...z.ZodObject[]]);
}
