import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { ToolContext } from "../context";
import { docId, sectionIndex } from "../shared-params";
import { runTool, ToolError, toolSuccess } from "../tool-result";
import { pageSetupShape } from "./read-shapes";

/** get_page_setup (page setup, headers and footers are set by edit tools, see edit-tools.ts). */
export function registerSectionTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "get_page_setup",
    {
      title: "Page setup, headers and footers",
      description:
        "List each section's page size, orientation and margins (twips), and its headers and footers (default, first, even) with their text.",
      inputSchema: z.object({ doc_id: docId, section_index: sectionIndex.optional() }),
      outputSchema: pageSetupShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ doc_id, section_index }) =>
      runTool(ctx, "get_page_setup", "read", async () => {
        const { sections, position } = await ctx.sessions.history.read(doc_id, (doc, head) => ({
          sections: doc.sectionLayouts(),
          position: head.position,
        }));
        const chosen = section_index === undefined ? sections : sections.filter((s) => s.section === section_index);
        if (section_index !== undefined && chosen.length === 0) {
          throw new ToolError({
            kind: "invalid_argument",
            field: "section_index",
            message: `Section ${section_index} does not exist: the document has ${sections.length} section${sections.length === 1 ? "" : "s"} (0-${sections.length - 1}).`,
          });
        }
        return toolSuccess({ doc_id, position, total: sections.length, sections: chosen });
      }),
  );
}
