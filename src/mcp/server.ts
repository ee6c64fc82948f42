import { McpServer } from "@modelcontextprotocol/server";
import type { ToolContext } from "./context";
import { PROGRESS_EVERY_MS, reportProgressOfAllTools } from "./progress";
import { registerResources } from "./resources";
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

/**
 * 2026-07-28 cache hints: the tool list is the same for every caller and changes only with a deploy, so shared
 * caches may keep it for five minutes; everything else is one tenant's data and is never cached.
 */
const CACHE_HINTS = {
  "server/discover": { ttlMs: 300_000, cacheScope: "public" },
  "tools/list": { ttlMs: 300_000, cacheScope: "public" },
  "resources/templates/list": { ttlMs: 300_000, cacheScope: "public" },
} as const;

/** Builds the MCP server for one request, with every tool bound to the caller's context. */
export function buildMcpServer(ctx: ToolContext): McpServer {
  const server = new McpServer(SERVER_INFO, {
    instructions: INSTRUCTIONS,
    // Only what the server delivers: no list-changed notifications, since the tool set never changes at run time.
    capabilities: { tools: { listChanged: false } },
    cacheHints: CACHE_HINTS,
  });
  reportProgressOfAllTools(server, ctx.progressEveryMs ?? PROGRESS_EVERY_MS);
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
  registerResources(server, ctx);
  return server;
}
