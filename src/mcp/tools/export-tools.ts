import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { type ExportOutcome, INLINE_EXPORT_BYTES } from "../../sessions/index";
import type { ToolContext } from "../context";
import { downloadPath } from "../download-path";
import { docId } from "../shared-params";
import { requireScope, runTool, toolSuccess } from "../tool-result";

const outputPath = z.string().min(1).max(255).optional().describe("Library file to write, its extension matching the format.");
const overwrite = z.boolean().optional();

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
      description: `Export the document as markdown (default), html or docx. Text up to ${INLINE_EXPORT_BYTES / 1024} KB comes back inline; the rest goes to a library file, with a download path.`,
      inputSchema: {
        doc_id: docId,
        format: z.enum(["markdown", "html", "docx"]).optional(),
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
