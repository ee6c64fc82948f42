import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { ELEMENT_TYPES, MAX_PATCH_OPERATIONS, type PatchResult } from "../../docx/index";
import type { ToolContext } from "../context";
import { runTool, ToolError } from "../tool-result";
import { editSuccess } from "./edit-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const path = (what: string) => z.string().min(1).max(1000).describe(what);
const dryRun = z.boolean().optional().describe("If true, check and report what would change without changing anything.");
const requestId = z
  .string()
  .min(1)
  .max(128)
  .optional()
  .describe("Idempotency key: retrying a call with the same request_id returns the first result instead of editing twice.");
const json = (what: string) => z.union([z.string(), z.record(z.string(), z.unknown())]).describe(what);

const VALUE_GUIDE =
  `Element value (JSON object, or a string of it), "type" one of ${ELEMENT_TYPES.join(", ")}: ` +
  `{"type":"paragraph","text":"Hi","style":"Quote"}; {"type":"paragraph","runs":[{"text":"Bold","style":{"bold":true,"color":"FF0000","font_size":12}},{"text":"link","url":"https://example.com"},{"tab":true},{"break":"line"}],"properties":{"alignment":"center","spacing_after":240,"indent_left":720}}; ` +
  `right-to-left: "properties":{"bidi":true} and run style {"rtl":true} (new paragraphs also take the direction and language of the paragraph they follow); ` +
  `{"type":"heading","level":2,"text":"Title"}; {"type":"table","headers":["A","B"],"rows":[["1","2"],[{"text":"x","col_span":2,"shading":"EEEEEE"}]],"columns":[{"width":3000},{"width":3000}],"border_style":"single"}; ` +
  `{"type":"row","cells":["a","b"],"is_header":false}; {"type":"cell","text":"x","row_span":"restart"}; {"type":"list","items":["One",{"text":"Sub","level":1}],"ordered":true,"start":1}; ` +
  `{"type":"image","data":"<base64>" or "file":"<library file name>","width":200,"height":100,"unit":"px","alt":"Logo"}; {"type":"hyperlink","text":"Site","url":"https://example.com"} or {"anchor":"bookmark"}; ` +
  `{"type":"page_break"}; {"type":"section_break","break_type":"next_page"}; {"type":"footnote","text":"Note"} (added at the path of its paragraph). Unknown properties are refused with the allowed ones listed.`;
const WHERE_GUIDE =
  "Positions: /body/children/N (N past the end appends), <table path>/row or <row path>/cell (append), <table>/children/N, <cell>/children/N, or the path of one element to insert right after it.";

/** Element tools: add_element, replace_element, remove_element, move_element, copy_element, remove_table_column, apply_patch. */
export function registerElementTools(server: McpServer, ctx: ToolContext): void {
  const common = { doc_id: docId, dry_run: dryRun, request_id: requestId };
  const annotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false };

  /** Every element tool is a one-operation patch: one history entry per call, nothing changed on failure. */
  const patch = (
    tool: string,
    args: { doc_id: string; dry_run?: boolean; request_id?: string; [argument: string]: unknown },
    ops: () => unknown[],
    describe: (r: PatchResult) => string,
  ) =>
    runTool(ctx, tool, "write", async () => {
      const operations = await withLibraryImages(ctx, ops());
      if (args.dry_run) {
        const preview = await ctx.sessions.history.preview(
          args.doc_id,
          (doc) => {
            const result = doc.applyPatch(operations, { dryRun: true });
            return { result, description: describe(result) };
          },
          { author: ctx.author },
        );
        return editSuccess(ctx, args.doc_id, { doc_id: args.doc_id, position: preview.position, ...preview.result });
      }
      const out = await ctx.sessions.history.edit(args.doc_id, { tool, requestId: args.request_id, author: ctx.author, args }, (doc) => {
        const result = doc.applyPatch(operations);
        return { result, description: describe(result) };
      });
      return editSuccess(ctx, args.doc_id, {
        doc_id: args.doc_id,
        position: out.position,
        ...(out.replayed ? { replayed: true } : {}),
        ...out.result,
      });
    });

  server.registerTool(
    "add_element",
    {
      title: "Add an element",
      description: `Insert a paragraph, heading, table, row, cell, list, image, hyperlink, page or section break, or footnote. ${WHERE_GUIDE} ${VALUE_GUIDE} Returns created_id (stable id) and element_path.`,
      inputSchema: {
        ...common,
        path: path("Where to insert, e.g. /body/children/0 or /body/table[0]/row."),
        value: json("The element to add (see the description)."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "add_element",
        a,
        () => [{ op: "add", path: a.path, value: parseJson(a.value, "value") }],
        (r) => `add ${String(r.operations[0].type)} at ${a.path}`,
      ),
  );

  server.registerTool(
    "replace_element",
    {
      title: "Replace an element",
      description: `Replace one block, row or cell with a new element; it keeps the element's id. Path by index, id ([id='1A2B3C4D'], preferred), text or style. ${VALUE_GUIDE}`,
      inputSchema: {
        ...common,
        path: path("The element to replace, e.g. /body/paragraph[id='1A2B3C4D']."),
        value: json("The new element (same shape as add_element)."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "replace_element",
        a,
        () => [{ op: "replace", path: a.path, value: parseJson(a.value, "value") }],
        () => `replace ${a.path}`,
      ),
  );

  server.registerTool(
    "remove_element",
    {
      title: "Remove elements",
      description:
        "Remove blocks (paragraphs, tables), rows or cells. A filter may select several (e.g. /body/paragraph[text~='DRAFT']). A table keeps at least one row, a row one cell, a cell one paragraph. Undo with document_undo.",
      inputSchema: { ...common, path: path("What to remove, e.g. /body/paragraph[id='1A2B3C4D'] or /body/table[0]/row[2].") },
      annotations,
    },
    async (a) =>
      patch(
        "remove_element",
        a,
        () => [{ op: "remove", path: a.path }],
        () => `remove ${a.path}`,
      ),
  );

  server.registerTool(
    "move_element",
    {
      title: "Move an element",
      description: `Move one block, row or cell; it keeps its id. When the document tracks changes, a paragraph is written as a tracked move (w:moveFrom at the source, which keeps its id as source_id; w:moveTo on a copy with a new id as moved_id) and a table, row or cell as deleted and inserted. The destination is read after the element left its place (when tracked, with the source still in place). ${WHERE_GUIDE}`,
      inputSchema: {
        ...common,
        from: path("The element to move."),
        to: path("Destination, e.g. /body/children/0 or /body/table[0]/children/0."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "move_element",
        a,
        () => [{ op: "move", from: a.from, path: a.to }],
        () => `move ${a.from} to ${a.to}`,
      ),
  );

  server.registerTool(
    "copy_element",
    {
      title: "Copy an element",
      description: `Duplicate one block, row or cell; the copy gets new ids (copy_id), bookmarks and comment anchors stay with the original. ${WHERE_GUIDE}`,
      inputSchema: {
        ...common,
        from: path("The element to copy."),
        to: path("Destination, e.g. /body/children/999 or /body/table[0]/row."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "copy_element",
        a,
        () => [{ op: "copy", from: a.from, path: a.to }],
        () => `copy ${a.from} to ${a.to}`,
      ),
  );

  server.registerTool(
    "remove_table_column",
    {
      title: "Remove a table column",
      description:
        "Remove grid column `column` (0-based) from a table, or every table a path selects: the cell in that column goes from each row, a cell spanning it gets narrower. When the document tracks changes, the cells stay and their content is marked deleted (a spanning cell is left as it is); accepting leaves the column empty.",
      inputSchema: {
        ...common,
        path: path("The table, e.g. /body/table[id='1A2B3C4D'] or /body/table[*]."),
        column: z.number().int().min(0).max(62).describe("Column index to remove (0-based)."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "remove_table_column",
        a,
        () => [{ op: "remove_column", path: a.path, column: a.column }],
        () => `remove column ${a.column} of ${a.path}`,
      ),
  );

  server.registerTool(
    "apply_patch",
    {
      title: "Apply a patch",
      description: `Apply up to ${MAX_PATCH_OPERATIONS} operations atomically, as one history entry: all apply or none does, and a failure names the operation (index) and why. Operations: {"op":"add","path":...,"value":{...}}, {"op":"replace","path":...,"value":{...}}, {"op":"remove","path":...}, {"op":"move","from":...,"path":...}, {"op":"copy","from":...,"path":...}, {"op":"replace_text","path":...,"find":...,"replace":...,"max_count":1}, {"op":"remove_column","path":...,"column":N}. Paths inside later operations see the document as earlier operations left it. ${VALUE_GUIDE}`,
      inputSchema: {
        ...common,
        patches: z
          .union([z.string(), z.array(z.record(z.string(), z.unknown()))])
          .describe("JSON array of operations (or a string of it)."),
      },
      annotations,
    },
    async (a) =>
      patch(
        "apply_patch",
        a,
        () => asArray(parseJson(a.patches, "patches")),
        (r) => `apply_patch: ${r.total} operation${r.total === 1 ? "" : "s"} (${[...new Set(r.operations.map((o) => o.op))].join(", ")})`,
      ),
  );
}

/** Image values naming a library file ({"type":"image","file":"logo.png"}) get its bytes as base64 `data`. */
async function withLibraryImages(ctx: ToolContext, operations: unknown[]): Promise<unknown[]> {
  return Promise.all(
    operations.map(async (op) => {
      const value = (op as { value?: { type?: unknown; file?: unknown } } | null)?.value;
      if (value?.type !== "image" || typeof value.file !== "string") return op;
      const bytes = await ctx.sessions.readLibraryImage(value.file);
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const { file: _file, ...rest } = value;
      return { ...(op as object), value: { ...rest, data: btoa(binary) } };
    }),
  );
}

function parseJson(value: unknown, field: string): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch (e) {
    throw new ToolError({ kind: "invalid_argument", field, message: `${field} is not valid JSON: ${(e as Error).message}` });
  }
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
