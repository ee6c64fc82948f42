/**
 * The fields of every engine operation kind as typed schemas: the same shape is an apply_patch entry (with its "op")
 * and, with the shared parameters and the notes below, the input of the operation's own tool. The engine checks the
 * values again, with errors that name the field and what is allowed.
 */
import { z } from "zod";
import { ALIGNMENTS, CORE_PROPERTIES, HEADER_FOOTER_TYPES, MARGIN_NAMES, type OperationName } from "../../docx/index";
import { cellStyle, elementValue, paragraphStyle, rowStyle, runStyle, tableStyle } from "../element-schema";

/** docx-mcp passed element values and style objects as JSON text; both that and the object are accepted. */
const orJson = <T extends z.ZodType>(schema: T) => z.union([schema, z.string()]);

/** Named, so apply_patch's many paths refer to one definition. */
const path = z.string().min(1).max(1000).meta({ id: "path" });
const name = z.string().min(1).max(200);
const author = name.optional();
const elementOrJson = orJson(elementValue);
const revisionId = z.union([z.number().int(), z.string().min(1).max(32)]);
const section = z.number().int().min(0);
const commentId = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).meta({ id: "comment_id" });
const length = z.union([z.string().max(20), z.number().min(0)]).meta({ id: "length", description: '"2.5cm", "1in", "72pt" or twips.' });
const headerFooter = {
  text: z.string().max(10_000),
  type: z.enum(HEADER_FOOTER_TYPES).optional(),
  section_index: section.optional(),
  alignment: z.enum(ALIGNMENTS).optional(),
};
const matching = { match_case: z.boolean().optional(), any_quotes: z.boolean().optional() };

export const OPERATION_FIELDS = {
  add: { path, value: elementOrJson },
  replace: { path, value: elementOrJson },
  remove: { path },
  move: { from: path, path },
  copy: { from: path, path },
  remove_column: { path, column: z.number().int().min(0).max(62) },
  replace_text: {
    path: path.optional(),
    find: z.string().min(1).max(10_000),
    replace: z.string().max(100_000),
    max_count: z.number().int().min(0).max(1_000_000).optional(),
    ...matching,
  },
  insert_text: {
    path,
    text: z.string().min(1).max(100_000),
    offset: z.number().int().min(0).optional(),
    after: z.string().min(1).max(10_000).optional(),
    before: z.string().min(1).max(10_000).optional(),
    ...matching,
  },
  replace_paragraph_text: { path, text: z.string().max(100_000) },
  style_element: { path: path.optional(), style: orJson(runStyle) },
  style_paragraph: { path: path.optional(), style: orJson(paragraphStyle) },
  style_table: {
    path: path.optional(),
    style: orJson(tableStyle).optional(),
    cell_style: orJson(cellStyle).optional(),
    row_style: orJson(rowStyle).optional(),
  },
  comment_add: {
    path,
    text: z.string().min(1).max(50_000),
    anchor_text: z.string().min(1).max(10_000).optional(),
    author,
    initials: z.string().min(1).max(20).optional(),
  },
  comment_reply: {
    comment_id: commentId,
    text: z.string().min(1).max(50_000),
    author,
    initials: z.string().min(1).max(20).optional(),
  },
  comment_resolve: { comment_id: commentId, resolved: z.boolean().optional() },
  comment_delete: { comment_id: commentId.optional(), author },
  revision_accept: { revision_id: revisionId },
  revision_reject: { revision_id: revisionId },
  revision_accept_all: { author },
  revision_reject_all: { author },
  track_changes_enable: { enabled: z.boolean() },
  set_page_setup: {
    section_index: section.optional(),
    page_size: z.string().max(20).optional(),
    width: length.optional(),
    height: length.optional(),
    orientation: z.enum(["portrait", "landscape"]).optional(),
    margins: z.strictObject(Object.fromEntries(MARGIN_NAMES.map((m) => [m, length.optional()]))).optional(),
  },
  set_header: headerFooter,
  set_footer: headerFooter,
  set_metadata: Object.fromEntries(Object.keys(CORE_PROPERTIES).map((property) => [property, z.string().max(10_000).optional()])),
} satisfies Record<OperationName, z.ZodRawShape>;

/**
 * What a tool's parameters mean, by field name (or "op.field" where one kind means something else). Only the tools
 * carry these; apply_patch's entries are the same fields, described once in its own text.
 */
const NOTES: Record<string, string> = {
  path: "e.g. /body/paragraph[id='1A2B3C4D'] or /body/table[0]/row[1].",
  "add.path": "/body/children/N, <table>/row, <row>/cell, or an element to insert after.",
  "move.path": "Destination position, e.g. /body/children/0.",
  "copy.path": "Destination position, e.g. /body/children/0.",
  "replace_text.path": "Scope (default /body).",
  "style.path": "What to format (default: the whole body).",
  value: "Element value, or its JSON text.",
  from: "The element to move or copy.",
  replace: "Empty deletes; \\t and \\n become a tab and a line break.",
  max_count: "Most replacements (default 1; 0 only counts).",
  match_case: "Default true.",
  any_quotes: "Straight quotes match typographic ones.",
  "insert_text.text": "\\t and \\n become a tab and a line break.",
  offset: "Character offset in the paragraph's text.",
  style: "Properties to merge, or their JSON text; null removes one.",
  author: "Only this author's.",
  "comment_add.author": "Default: your account name.",
  "comment_reply.author": "Default: your account name.",
  "set_metadata.author": "Creator (dc:creator).",
  comment_id: "As comment_list gives it.",
  revision_id: "Id or handle from revision_list.",
  section_index: "0-based; omit for every section (headers: section 0).",
  page_size: "A3, A4, A5, Letter, Legal or Tabloid.",
  type: "default (all pages), first or even.",
  resolved: "Default true; false reopens.",
};

/** The fields of `op` with the notes that tell a tool's caller what each means. */
export function describedFields(op: OperationName): z.ZodRawShape {
  const family = op.startsWith("style_") ? "style" : op;
  return Object.fromEntries(
    Object.entries(OPERATION_FIELDS[op] as Record<string, z.ZodType>).map(([field, schema]) => {
      const note = NOTES[`${op}.${field}`] ?? NOTES[`${family}.${field}`] ?? NOTES[field];
      return [field, note ? schema.describe(note) : schema];
    }),
  );
}

/** Whether two kinds take the very same fields (the same schemas under the same names). */
const sameFields = (a: z.ZodRawShape, b: z.ZodRawShape) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([field, schema]) => b[field] === schema);

/**
 * One apply_patch entry: an operation of any kind, discriminated by "op". Kinds with the same fields (add and replace,
 * move and copy, ...) share one member whose "op" is any of them: it accepts exactly what a member per kind would.
 */
export const patchOperation = (() => {
  const groups: { ops: string[]; fields: z.ZodRawShape }[] = [];
  for (const [op, fields] of Object.entries(OPERATION_FIELDS) as [string, z.ZodRawShape][]) {
    const group = groups.find((g) => sameFields(g.fields, fields));
    if (group) group.ops.push(op);
    else groups.push({ ops: [op], fields });
  }
  const members = groups.map(({ ops, fields }) =>
    z.strictObject({ op: ops.length === 1 ? z.literal(ops[0]) : z.enum(ops as [string, ...string[]]), ...fields }),
  );
  return z.discriminatedUnion("op", members as unknown as [z.ZodObject, ...z.ZodObject[]]);
})();
