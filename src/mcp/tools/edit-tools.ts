/**
 * Every document edit tool, generated from one table: a docx-mcp tool name is a one-operation entry point to an engine
 * operation kind (its parameters are the operation's fields plus the shared ones), and apply_patch takes any mix of
 * kinds. All run through one path: validated, applied atomically as one history entry, or previewed with dry_run.
 */
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { MAX_PATCH_OPERATIONS, type OperationName } from "../../docx/index";
import type { ToolContext } from "../context";
import { docId, dryRun, expectedPosition, requestId } from "../shared-params";
import { runTool, ToolError } from "../tool-result";
import type { Json } from "../wire";
import { decodeJson, editOutputSchema, runEdit } from "./edit-result";
import { describedFields, patchOperation } from "./operation-schemas";

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

const GRAMMAR = "Element values and positions: see the value schema and the element-grammar resource.";
const dry = (r: Record<string, Json>) => (r.dry_run ? "Would have: " : "");

/** docx-mcp's edit tools, each bound to the engine operation it is. */
export const EDIT_TOOLS: Record<string, EditTool> = {
  add_element: {
    op: "add",
    title: "Add an element",
    description: `Insert a paragraph, heading, table, row, cell, list, image, hyperlink, break or footnote. ${GRAMMAR} Returns created_id and element_path.`,
  },
  replace_element: {
    op: "replace",
    title: "Replace an element",
    description: `Replace one block, row or cell with a new element; it keeps its id. ${GRAMMAR}`,
    destructive: true,
  },
  remove_element: {
    op: "remove",
    title: "Remove elements",
    description: "Remove blocks, rows or cells (a filter may select several). A table keeps one row, a row one cell, a cell one paragraph.",
    destructive: true,
  },
  move_element: {
    op: "move",
    title: "Move an element",
    description: `Move one block, row or cell; it keeps its id (tracked: w:moveFrom/w:moveTo for paragraphs, the copy's id is moved_id). The destination is read after the element left its place. ${GRAMMAR}`,
    renamed: { to: "path" },
    destructive: true,
  },
  copy_element: {
    op: "copy",
    title: "Copy an element",
    description: `Duplicate one block, row or cell; the copy gets new ids (copy_id); bookmarks and comment anchors stay with the original. ${GRAMMAR}`,
    renamed: { to: "path" },
  },
  remove_table_column: {
    op: "remove_column",
    title: "Remove a table column",
    description:
      "Remove grid column `column` from the selected tables; spanning cells get narrower. When tracking, the cells stay and their content is marked deleted.",
    destructive: true,
  },
  replace_text: {
    op: "replace_text",
    title: "Find and replace text",
    description:
      "Find and replace text keeping all formatting; matches may span runs and hyperlinks (not paragraphs). A match cutting through a field, equation, image or note reference is skipped and listed. max_count: 1 (default), N, or 0 to count only; at most 10,000 per call. Tracked when the document tracks changes.",
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
      "Insert text into one paragraph at a character offset, or right after/before the first occurrence of some text (give exactly one of offset, after, before), in the neighbouring character's formatting. Tracked when the document tracks changes.",
  },
  style_element: {
    op: "style_element",
    title: "Format text (runs)",
    description:
      "Merge character formatting into every run inside what path selects (the whole body when omitted); null removes a property. Tracked when the document tracks changes.",
    idempotent: true,
  },
  style_paragraph: {
    op: "style_paragraph",
    title: "Format paragraphs",
    description:
      "Merge paragraph formatting (alignment, style, spacing, indentation, shading, keep and page-break flags, bidi) into the selected paragraphs, or all.",
    idempotent: true,
  },
  style_table: {
    op: "style_table",
    title: "Format tables",
    description:
      "Merge table (style), row (row_style) and cell (cell_style) formatting into the selected tables, rows or cells (every table when path is omitted). Give at least one of them.",
    idempotent: true,
  },
  comment_add: {
    op: "comment_add",
    title: "Add a comment",
    description:
      "Comment on one element (paragraph, run, hyperlink, table, row, cell), or on anchor_text inside it (first occurrence, across runs).",
    summary: (r) => `Comment ${r.comment_id} added on ${r.path}.`,
  },
  comment_reply: {
    op: "comment_reply",
    title: "Reply to a comment",
    description:
      "Reply to a comment, threaded under it; a reply to a reply joins its thread (parent_id; replied_to names the comment answered).",
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
    description: "Delete one comment (comment_id) or all by an author, with their replies and marks; the commented text stays.",
    destructive: true,
  },
  revision_accept: {
    op: "revision_accept",
    title: "Accept a tracked change",
    description: "Accept one revision by id or handle, as Word does; either side of a move accepts the whole move.",
    destructive: true,
  },
  revision_reject: {
    op: "revision_reject",
    title: "Reject a tracked change",
    description:
      "Reject one revision by id or handle: inserted content goes, deleted content comes back; either side of a move rejects the whole move.",
    destructive: true,
  },
  revision_accept_all: {
    op: "revision_accept_all",
    title: "Accept all tracked changes",
    description: "Accept every revision in every story, or only one author's, the way Word does.",
    destructive: true,
    idempotent: true,
  },
  revision_reject_all: {
    op: "revision_reject_all",
    title: "Reject all tracked changes",
    description: "Reject every revision in every story, or only one author's, the way Word does.",
    destructive: true,
    idempotent: true,
  },
  track_changes_enable: {
    op: "track_changes_enable",
    title: "Turn change tracking on or off",
    description: "Enable or disable Track Changes in the document's settings; while enabled, every edit tool writes revisions.",
    idempotent: true,
  },
  set_page_setup: {
    op: "set_page_setup",
    title: "Set page size, orientation and margins",
    description: "Change paper size, orientation (landscape swaps width and height) and margins of one section, or of every section.",
    idempotent: true,
  },
  set_header: {
    op: "set_header",
    title: "Set a section's header",
    description:
      'Set a section\'s header text (one paragraph per line, "Page {PAGE} of {NUMPAGES}" fields); type first/even turns those pages on. Tracked when the document tracks changes.',
    idempotent: true,
  },
  set_footer: {
    op: "set_footer",
    title: "Set a section's footer",
    description:
      'Set a section\'s footer text (one paragraph per line, "Page {PAGE} of {NUMPAGES}" fields); type first/even turns those pages on. Tracked when the document tracks changes.',
    idempotent: true,
  },
  set_metadata: {
    op: "set_metadata",
    title: "Set document properties",
    description:
      'Set the document\'s title, subject, author, keywords, description or category (File > Info in Word); "" removes one, others stay.',
    idempotent: true,
  },
};

const shared = { doc_id: docId, dry_run: dryRun, request_id: requestId, expected_position: expectedPosition };

/** Registers every edit tool of the table, and apply_patch. */
export function registerEditTools(server: McpServer, ctx: ToolContext): void {
  for (const [name, tool] of Object.entries(EDIT_TOOLS)) {
    const fields = describedFields(tool.op);
    const toParameter = Object.fromEntries(Object.entries(tool.renamed ?? {}).map(([parameter, field]) => [field, parameter]));
    const parameters = Object.fromEntries(Object.entries(fields).map(([field, schema]) => [toParameter[field] ?? field, schema]));
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
          const operation: Record<string, unknown> = { op: tool.op };
          for (const [parameter, v] of Object.entries(rest)) operation[tool.renamed?.[parameter] ?? parameter] = v;
          return runEdit(ctx, {
            tool: name,
            docId: doc_id as string,
            dryRun: dry_run === true,
            requestId: request_id as string | undefined,
            expectedPosition: expected_position as number | undefined,
            args,
            operations: operation,
            summary: tool.summary ? (r) => tool.summary!(r, args) : undefined,
          });
        }),
    );
  }

  server.registerTool(
    "apply_patch",
    {
      title: "Apply a patch",
      description: `Apply up to ${MAX_PATCH_OPERATIONS} operations of any kind atomically, as one history entry: all apply or none does, and a failure names the operation's index. Each is {"op": <kind>, ...the fields of that kind's tool}: add, replace, remove, move/copy (from, path), remove_column, replace_text, insert_text, replace_paragraph_text (path, text), style_*, comment_*, revision_*, track_changes_enable, set_page_setup, set_header, set_footer, set_metadata. Later operations see the document as earlier ones left it. ${GRAMMAR}`,
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
          operations: asArray(decodeJson(args.patches, "patches")),
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
