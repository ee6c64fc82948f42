/**
 * The fields of every engine operation kind as typed schemas: the same shape is an apply_patch entry (with its "op")
 * and, with the shared parameters, the input of the operation's own tool. Values are checked again by the engine.
 */
import { z } from "zod";
import { ALIGNMENTS, CORE_PROPERTIES, HEADER_FOOTER_TYPES, MARGIN_NAMES, type OperationName } from "../../docx/index";
import { cellStyle, elementValue, paragraphStyle, rowStyle, runStyle, tableStyle } from "../element-schema";
import { author, path, sectionIndex } from "../shared-params";

/** docx-mcp passed element values and style objects as JSON text; both that and the object are accepted. */
const orJson = <T extends z.ZodType>(schema: T) => z.union([schema, z.string().max(5_000_000)]);

const value = (what: string) => orJson(elementValue).describe(`${what} (an element value, or its JSON text; see the element grammar).`);
const optionalPath = (what: string) => path(what).optional();
const matchCase = z.boolean().optional().describe("Match upper/lower case exactly (default true).");
const anyQuotes = z.boolean().optional().describe("Let straight quotes match typographic ones (default false).");
const commentId = z.union([z.string().regex(/^\d+$/).max(10), z.number().int().min(0)]).describe("Comment id, as comment_list returns it.");
const revisionId = z
  .union([z.number().int(), z.string().min(1).max(32)])
  .describe('Revision id from revision_list, or its handle (e.g. "0.2") when several revisions share an id.');
const length = z.union([z.string().max(20), z.number().min(0)]).describe('"2.5cm", "1in", "20mm", "72pt", or twips.');
const styleScope = optionalPath("What to style, e.g. /body/paragraph[3] or /body/table[0]/row[*]/cell[0]; omit for the whole body.");
const headerFooter = (kind: string) => ({
  text: z.string().max(10_000).describe("The text; newlines separate paragraphs; {PAGE}, {NUMPAGES}, {SECTIONPAGES} become fields."),
  type: z.enum(HEADER_FOOTER_TYPES).optional().describe(`default (all pages), first or even ${kind}.`),
  section_index: sectionIndex.optional().describe("Section (0-based, default 0)."),
  alignment: z.enum(ALIGNMENTS).optional().describe("Omit to keep the existing paragraph's properties."),
});

export const OPERATION_FIELDS = {
  add: { path: path("Where to insert, e.g. /body/children/0 or /body/table[0]/row."), value: value("The element to add") },
  replace: { path: path("The element to replace; it keeps its id."), value: value("The new element") },
  remove: { path: path("What to remove; a filter may select several.") },
  move: { from: path("The element to move."), path: path("Destination position.") },
  copy: { from: path("The element to copy."), path: path("Destination position.") },
  remove_column: {
    path: path("The table(s), e.g. /body/table[0]."),
    column: z.number().int().min(0).max(62).describe("Column index (0-based)."),
  },
  replace_text: {
    path: optionalPath("Scope: a paragraph, table, cell, /body (default), header, footer or note."),
    find: z.string().min(1).max(10_000).describe("Text to find."),
    replace: z.string().max(100_000).describe("Replacement; \\t and \\n become a tab and a line break; empty deletes."),
    max_count: z.number().int().min(0).max(1_000_000).optional().describe("Most replacements (default 1; 0 only counts)."),
    match_case: matchCase,
    any_quotes: anyQuotes,
  },
  insert_text: {
    path: path("Exactly one paragraph."),
    text: z.string().min(1).max(100_000).describe("Text to insert; \\t and \\n become a tab and a line break."),
    offset: z.number().int().min(0).optional().describe("Character offset in the paragraph's text."),
    after: z.string().min(1).max(10_000).optional().describe("Insert right after the first occurrence of this text."),
    before: z.string().min(1).max(10_000).optional().describe("Insert right before the first occurrence of this text."),
    match_case: matchCase,
    any_quotes: anyQuotes,
  },
  style_element: { path: styleScope, style: orJson(runStyle).describe("Run properties to merge; null removes one.") },
  style_paragraph: { path: styleScope, style: orJson(paragraphStyle).describe("Paragraph properties to merge; null removes one.") },
  style_table: {
    path: styleScope,
    style: orJson(tableStyle).optional(),
    cell_style: orJson(cellStyle).optional(),
    row_style: orJson(rowStyle).optional(),
  },
  comment_add: {
    path: path("The element to comment on (exactly one)."),
    text: z.string().min(1).max(50_000).describe("Comment text; \\n separates paragraphs."),
    anchor_text: z.string().min(1).max(10_000).optional().describe("Anchor to this text inside the element (first occurrence)."),
    author: author.optional().describe("Author name (default: your account's)."),
    initials: z.string().min(1).max(20).optional(),
  },
  comment_reply: {
    comment_id: commentId,
    text: z.string().min(1).max(50_000).describe("Reply text."),
    author: author.optional(),
    initials: z.string().min(1).max(20).optional(),
  },
  comment_resolve: { comment_id: commentId, resolved: z.boolean().optional().describe("true (default) resolves, false reopens.") },
  comment_delete: { comment_id: commentId.optional(), author: author.optional().describe("Delete every comment by this author.") },
  revision_accept: { revision_id: revisionId },
  revision_reject: { revision_id: revisionId },
  revision_accept_all: { author: author.optional().describe("Only this author's revisions.") },
  revision_reject_all: { author: author.optional().describe("Only this author's revisions.") },
  track_changes_enable: { enabled: z.boolean().describe("True turns Track Changes on, false off.") },
  set_page_setup: {
    section_index: sectionIndex.optional().describe("Section (0-based); omit for every section."),
    page_size: z.string().max(20).optional().describe("A3, A4, A5, Letter, Legal or Tabloid."),
    width: length.optional(),
    height: length.optional(),
    orientation: z.enum(["portrait", "landscape"]).optional(),
    margins: z
      .strictObject(Object.fromEntries(MARGIN_NAMES.map((m) => [m, length.optional()])))
      .optional()
      .describe(`Margins: ${MARGIN_NAMES.join(", ")}.`),
  },
  set_header: headerFooter("pages' header"),
  set_footer: headerFooter("pages' footer"),
  set_metadata: Object.fromEntries(
    Object.keys(CORE_PROPERTIES).map((name) => [name, z.string().max(10_000).optional().describe(`Document ${name}; "" removes it.`)]),
  ),
} satisfies Record<OperationName, z.ZodRawShape>;

/** One apply_patch entry: an operation of any kind, discriminated by "op". */
export const patchOperation = z.discriminatedUnion(
  "op",
  Object.entries(OPERATION_FIELDS).map(([op, fields]) => z.strictObject({ op: z.literal(op), ...fields })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);
