/**
 * Every document edit tool, generated from one table: a docx-mcp tool name is a one-operation entry point to an engine
 * operation kind (its parameters are the operation's fields plus the shared ones), and apply_patch takes any mix of
 * kinds. All run through one path: validated, applied atomically as one history entry, or previewed with dry_run.
 */
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type Fields, MAX_PATCH_OPERATIONS, OPERATION_FIELDS, type OperationName } from "../../docx/index";
import type { ToolContext } from "../context";
import { GRAMMAR_URI } from "../resources";
import { docId, dryRun, expectedPosition, requestId } from "../shared-params";
import { runTool, ToolError } from "../tool-result";
import type { Json } from "../wire";
import { decodeJson, editOutputSchema, runEdit } from "./edit-result";
import { describedFields, patchOperationOf } from "./operation-schemas";

interface EditTool {
  op: OperationName;
  title: string;
  description: string;
  /** Tool parameters named differently from the operation's fields: parameter -> field. */
  renamed?: Record<string, string>;
  /** Annotations beyond "writes, closed world". */
  destructive?: boolean;
  idempotent?: boolean;
  /** A one-line summary for the text content, ahead of the JSON result. */
  summary?: (result: Record<string, Json>, args: Record<string, unknown>) => string;
}

const GRAMMAR = `Syntax: ${GRAMMAR_URI}.`;
/** Style fields merge; said once per style tool rather than on each of its fields. */
const MERGE = "null removes a property; a JSON text of the object is accepted too.";
const dry = (r: Record<string, Json>) => (r.dry_run ? "Would have: " : "");

/** docx-mcp's edit tools, each bound to the engine operation it is. Descriptions are one or two tight sentences. */
export const EDIT_TOOLS: Record<string, EditTool> = {
  add_element: {
    op: "add",
    title: "Add an element",
    description: `Insert a paragraph, heading, table, row, cell, list, image, hyperlink, break or footnote; returns created_id. ${GRAMMAR}`,
  },
  replace_element: {
    op: "replace",
    title: "Replace an element",
    description: `Replace one block, row or cell by a new element value; it keeps its id. ${GRAMMAR}`,
    destructive: true,
  },
  remove_element: {
    op: "remove",
    title: "Remove elements",
    description: "Remove the blocks, rows or cells a path selects; a table keeps one row, a row one cell, a cell one paragraph.",
    destructive: true,
  },
  move_element: {
    op: "move",
    title: "Move an element",
    description: "Move one block, row or cell to position `to`, read after it left its place; it keeps its id.",
    renamed: { to: "path" },
    destructive: true,
  },
  copy_element: {
    op: "copy",
    title: "Copy an element",
    description: "Copy one block, row or cell to position `to`; the copy gets new ids (copy_id).",
    renamed: { to: "path" },
  },
  remove_table_column: {
    op: "remove_column",
    title: "Remove a table column",
    description: "Remove grid column `column` (0-based) from the selected tables; spanning cells get narrower.",
    destructive: true,
  },
  replace_text: {
    op: "replace_text",
    title: "Find and replace text",
    description: "Find and replace text inside paragraphs keeping formatting; matches may span runs.",
    destructive: true,
    summary: (r, a) =>
      r.matches_found === 0
        ? `No match for ${JSON.stringify(a.find)} in ${a.path ?? "/body"}${a.match_case === false ? "" : " (matching case)"}: nothing changed.`
        : `${dry(r)}Replaced ${r.replacements_made} of ${r.matches_found} match(es).`,
  },
  insert_text: {
    op: "insert_text",
    title: "Insert text into a paragraph",
    description:
      "Insert text into one paragraph at offset, or after or before the first occurrence of some text (give one), in the neighbouring formatting.",
  },
  style_element: {
    op: "style_element",
    title: "Format text (runs)",
    description: `Merge character formatting (font_size in points, color hex) into every run in path, or the whole body; ${MERGE}`,
    idempotent: true,
  },
  style_paragraph: {
    op: "style_paragraph",
    title: "Format paragraphs",
    description: `Merge paragraph formatting (lengths in twips, 240 = 12 pt) into the selected paragraphs, or all; ${MERGE}`,
    idempotent: true,
  },
  style_table: {
    op: "style_table",
    title: "Format tables",
    description: `Merge table (style), row (row_style) and cell (cell_style) formatting into the selected tables, rows or cells, or every table; ${MERGE}`,
    idempotent: true,
  },
  comment_add: {
    op: "comment_add",
    title: "Add a comment",
    description: "Comment on one element, or on anchor_text inside it (first occurrence, across runs).",
    summary: (r) => `Comment ${r.comment_id} added on ${r.path}.`,
  },
  comment_reply: {
    op: "comment_reply",
    title: "Reply to a comment",
    description: "Reply to a comment, threaded under it; a reply to a reply joins its thread.",
  },
  comment_resolve: {
    op: "comment_resolve",
    title: "Resolve a comment",
    description: "Mark a comment thread resolved, as Word's Resolve does; resolved=false reopens it.",
    idempotent: true,
  },
  comment_delete: {
    op: "comment_delete",
    title: "Delete comments",
    description: "Delete one comment (comment_id), or all of an author's, with replies; the commented text stays.",
    destructive: true,
  },
  revision_accept: {
    op: "revision_accept",
    title: "Accept a tracked change",
    description: "Accept one revision by id or handle from revision_list; either side of a move accepts the whole move.",
    destructive: true,
  },
  revision_reject: {
    op: "revision_reject",
    title: "Reject a tracked change",
    description: "Reject one revision by id or handle from revision_list; either side of a move rejects the whole move.",
    destructive: true,
  },
  revision_accept_all: {
    op: "revision_accept_all",
    title: "Accept all tracked changes",
    description: "Accept every revision in every story, or only one author's.",
    destructive: true,
    idempotent: true,
  },
  revision_reject_all: {
    op: "revision_reject_all",
    title: "Reject all tracked changes",
    description: "Reject every revision in every story, or only one author's.",
    destructive: true,
    idempotent: true,
  },
  track_changes_enable: {
    op: "track_changes_enable",
    title: "Turn change tracking on or off",
    description: "Turn Track Changes on or off; while on, every edit (tool or patch) is written as tracked revisions.",
    idempotent: true,
  },
  set_page_setup: {
    op: "set_page_setup",
    title: "Set page size, orientation and margins",
    description: "Set paper size, orientation and margins of one section, or of every section.",
    idempotent: true,
  },
  set_header: {
    op: "set_header",
    title: "Set a section's header",
    description: "Set a section's header text: one paragraph per line, {PAGE} and {NUMPAGES} become fields.",
    idempotent: true,
  },
  set_footer: {
    op: "set_footer",
    title: "Set a section's footer",
    description: "Set a section's footer text: one paragraph per line, {PAGE} and {NUMPAGES} become fields.",
    idempotent: true,
  },
  set_metadata: {
    op: "set_metadata",
    title: "Set document properties",
    description: 'Set the document\'s core properties (File > Info in Word); "" removes one, the others stay.',
    idempotent: true,
  },
};

const shared = { doc_id: docId, dry_run: dryRun, request_id: requestId, expected_position: expectedPosition };

/** A tool's parameters (or a patch entry under the tool's name) as its engine operation: renamed fields mapped back. */
function operationOf(tool: EditTool, parameters: Record<string, unknown>): Record<string, unknown> {
  const operation: Record<string, unknown> = { op: tool.op };
  for (const [parameter, v] of Object.entries(parameters)) operation[tool.renamed?.[parameter] ?? parameter] = v;
  return operation;
}

/** An operation's fields (schemas or descriptors) under the tool's parameter names: move_element's "path" is `to`. */
function asParameters<T>(tool: EditTool, fields: Readonly<Record<string, T>>): Record<string, T> {
  const toParameter = Object.fromEntries(Object.entries(tool.renamed ?? {}).map(([parameter, field]) => [field, parameter]));
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [toParameter[field] ?? field, value]));
}

/** Edit tools named unlike their engine operation (add_element is "add", move_element's `to` is "path"). */
const ALIASED = new Map(Object.entries(EDIT_TOOLS).filter(([name, tool]) => name !== tool.op || tool.renamed !== undefined));

/**
 * apply_patch's op names: every edit tool's name with that tool's parameters, plus the engine's own operation names
 * (docx-mcp's patch ops add, replace, remove, move, copy, remove_column), so the op enum lists every edit tool.
 */
const patchOperation = patchOperationOf({
  ...OPERATION_FIELDS,
  ...Object.fromEntries([...ALIASED].map(([name, tool]) => [name, asParameters<Fields[string]>(tool, OPERATION_FIELDS[tool.op])])),
});

/**
 * A patch entry named after an edit tool, as its engine operation; any other entry is the engine's to check. Entries
 * given as JSON text skipped the schema, so an engine field name under a tool's name (move_element with "path") is
 * refused here rather than taken for something the caller did not mean.
 */
function patchEntryOperation(entry: unknown, index: number): unknown {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return entry;
  const { op, ...parameters } = entry as Record<string, unknown>;
  const tool = typeof op === "string" ? ALIASED.get(op) : undefined;
  if (!tool) return entry;
  const accepted = Object.keys(asParameters(tool, OPERATION_FIELDS[tool.op]));
  const unknown = Object.keys(parameters).filter((parameter) => !accepted.includes(parameter));
  if (unknown.length > 0)
    throw new ToolError({
      kind: "invalid_argument",
      field: `patches[${index}]`,
      message: `patches[${index}] (${op}) has no field ${unknown.join(", ")}; ${op} takes ${accepted.join(", ")}.`,
    });
  return operationOf(tool, parameters);
}

/** Registers every edit tool of the table, and apply_patch. */
export function registerEditTools(server: McpServer, ctx: ToolContext): void {
  for (const [name, tool] of Object.entries(EDIT_TOOLS)) {
    const parameters = asParameters(tool, describedFields(tool.op));
    server.registerTool(
      name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: z.strictObject({ ...shared, ...parameters }),
        outputSchema: editOutputSchema,
        annotations: annotations(tool),
      },
      async (args: Record<string, unknown>) =>
        runTool(ctx, name, "write", async () => {
          const { doc_id, dry_run, request_id, expected_position, ...rest } = args;
          return runEdit(ctx, {
            tool: name,
            docId: doc_id as string,
            dryRun: dry_run === true,
            requestId: request_id as string | undefined,
            expectedPosition: expected_position as number | undefined,
            args,
            operations: operationOf(tool, rest),
            summary: tool.summary ? (r) => tool.summary!(r, args) : undefined,
          });
        }),
    );
  }

  server.registerTool(
    "apply_patch",
    {
      title: "Apply a patch",
      description:
        `Apply up to ${MAX_PATCH_OPERATIONS} edits atomically as one history entry: each is {"op": an edit tool's name, ...that tool's parameters}, ` +
        `e.g. {"op":"replace_text","find":"a","replace":"b"}, and sees the document as earlier ones left it (docx-mcp's patch ops add, replace, ` +
        `remove, move and copy with from and path, and remove_column work too). Every op is also a tool you can call by name, listed or not. ${GRAMMAR}`,
      inputSchema: z.strictObject({
        ...shared,
        patches: z
          .union([z.array(patchOperation).min(1).max(MAX_PATCH_OPERATIONS), z.string().max(20_000_000)])
          .describe("The operations, or their JSON text."),
      }),
      outputSchema: editOutputSchema,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    async (args) =>
      runTool(ctx, "apply_patch", "write", async () =>
        runEdit(ctx, {
          tool: "apply_patch",
          docId: args.doc_id,
          dryRun: args.dry_run === true,
          requestId: args.request_id,
          expectedPosition: args.expected_position,
          args,
          operations: asArray(decodeJson(args.patches, "patches")).map(patchEntryOperation),
        }),
      ),
  );
}

function annotations(tool: EditTool) {
  return {
    readOnlyHint: false,
    destructiveHint: tool.destructive === true,
    idempotentHint: tool.idempotent === true,
    openWorldHint: false,
  };
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value))
    throw new ToolError({
      kind: "invalid_argument",
      field: "patches",
      message: 'patches must be a JSON array of operations, e.g. [{"op":"remove","path":"/body/paragraph[0]"}].',
    });
  return value;
}
