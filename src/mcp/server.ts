import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import type { ToolContext } from "./context";
import { registerCommentTools } from "./tools/comment-tools";
import { registerDocumentTools } from "./tools/document-tools";
import { registerElementTools } from "./tools/element-tools";
import { registerExportTools } from "./tools/export-tools";
import { registerHistoryTools } from "./tools/history-tools";
import { registerLibrarySyncTools } from "./tools/library-sync-tools";
import { registerReadTools } from "./tools/read-tools";
import { registerRevisionTools } from "./tools/revision-tools";
import { registerSectionTools } from "./tools/section-tools";
import { registerStyleTools } from "./tools/style-tools";
import { registerTextTools } from "./tools/text-tools";

export const SERVER_INFO = { name: "docx-edge", version: "0.1.0" } as const;

const INSTRUCTIONS =
  "docx-edge reads and edits Word (.docx) documents in your library. Open a library file with document_open (or start a new one with document_create), " +
  "pass the returned doc_id to the other tools, and write the result back with document_save.";

/** Builds the MCP server for one request, with every tool bound to the caller's context. */
export function buildMcpServer(ctx: ToolContext): McpServer {
  // Ajv compiles schemas with eval, which workerd forbids; the cfworker validator does not.
  const server = new McpServer(SERVER_INFO, {
    instructions: INSTRUCTIONS,
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
  });
  registerDocumentTools(server, ctx);
  registerReadTools(server, ctx);
  registerHistoryTools(server, ctx);
  registerLibrarySyncTools(server, ctx);
  registerElementTools(server, ctx);
  registerExportTools(server, ctx);
  registerSectionTools(server, ctx);
  registerTextTools(server, ctx);
  registerCommentTools(server, ctx);
  registerStyleTools(server, ctx);
  registerRevisionTools(server, ctx);
  return server;
}
