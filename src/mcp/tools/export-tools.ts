import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type ExportOutcome, INLINE_EXPORT_BYTES } from "../../sessions/index";
import type { ToolContext } from "../context";
import { downloadPath } from "../download-path";
import { requireScope, runTool, toolSuccess } from "../tool-result";

const docId = z.string().min(1).max(64).describe("Session ID returned by document_open or document_create.");
const outputPath = z
  .string()
  .min(1)
  .max(255)
  .optional()
  .describe(
    'Library file name to write the export to, e.g. "exports/report.md"; its extension must match the format. Without it, small text exports come back inline and larger ones get a new unique name.',
  );
const overwrite = z
  .boolean()
  .optional()
  .describe("Replace an existing library file named output_path (default false: an existing name is refused).");

function shape(doc_id: string, outcome: ExportOutcome) {
  if (outcome.text !== undefined)
    return toolSuccess({ doc_id, format: outcome.format, bytes: outcome.bytes, content: outcome.text }, outcome.text);
  const data = {
    doc_id,
    format: outcome.format,
    bytes: outcome.bytes,
    file: outcome.file.name,
    download_path: downloadPath(outcome.file.name),
    content_type: outcome.file.contentType,
  };
  return toolSuccess(
    data,
    `Exported ${outcome.bytes} bytes of ${outcome.format} to library file '${data.file}'. Download it with GET ${data.download_path} (same bearer token), or open it from the dashboard.`,
  );
}

/** Export tools: export (markdown, html or docx), and docx-mcp's export_markdown / export_html names for the same. */
export function registerExportTools(server: McpServer, ctx: ToolContext): void {
  const run = (tool: string, doc_id: string, format: "markdown" | "html" | "docx", output_path?: string, replace?: boolean) =>
    runTool(ctx, tool, "read", async () => {
      if (format === "docx" || output_path !== undefined) requireScope(ctx, "write", tool);
      const outcome = await ctx.sessions.export(doc_id, format, {
        outputName: output_path,
        overwrite: replace,
        allowFile: ctx.scopes.includes("write"),
      });
      return shape(doc_id, outcome);
    });

  server.registerTool(
    "export",
    {
      title: "Export a document",
      description:
        "Export the whole document as markdown or html (headings, numbered lists, tables with merged cells, links, footnotes, comments and tracked changes kept and marked up) or as a .docx file. " +
        `Text exports up to ${INLINE_EXPORT_BYTES / 1024} KB come back inline; larger ones, every docx, and any export with output_path are written to your library (a new unique name unless output_path is given; an existing output_path needs overwrite: true) and the result gives the file name and a download path.`,
      inputSchema: {
        doc_id: docId,
        format: z.enum(["markdown", "html", "docx"]).optional().describe("markdown (default), html or docx."),
        output_path: outputPath,
        overwrite,
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    async ({ doc_id, format = "markdown", output_path, overwrite: replace }) => run("export", doc_id, format, output_path, replace),
  );

  for (const format of ["markdown", "html"] as const) {
    server.registerTool(
      `export_${format}`,
      {
        title: `Export as ${format}`,
        description: `Export the whole document as ${format}; the same as export with format "${format}".`,
        inputSchema: { doc_id: docId, output_path: outputPath, overwrite },
        annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      },
      async ({ doc_id, output_path, overwrite: replace }) => run(`export_${format}`, doc_id, format, output_path, replace),
    );
  }
}
