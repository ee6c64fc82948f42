import { type CallToolResult, ProtocolError, ProtocolErrorCode, Server } from "@modelcontextprotocol/server";
import type { z } from "zod";
import { DEFAULT_TOOL_SET } from "../auth/principal";
import type { ToolContext } from "./context";
import { PROGRESS_EVERY_MS, withProgress } from "./progress";
import { registerResources } from "./resources";
import { runAsCaller, toolCatalogue, toolListFor } from "./tool-catalogue";

export const SERVER_INFO = { name: "docx-edge", version: "0.1.0" } as const;

const INSTRUCTIONS =
  "docx-edge reads and edits Word (.docx) documents in your library. Open a library file with document_open (or start a new one with document_create), " +
  "pass the returned doc_id to the other tools, and write the result back with document_save.";

const FIVE_MINUTES = 300_000;

/**
 * 2026-07-28 cache hints: discovery, templates and the default tool list (a write token's compact set) are the same
 * for most callers and change only with a deploy, so shared caches may keep them five minutes; a read-only token's
 * list or the complete set is the caller's own choice; tenant data (resource lists and reads) is never cached.
 */
function cacheHintsFor(ctx: ToolContext) {
  const toolsScope = ctx.scopes.includes("write") && ctx.toolSet === DEFAULT_TOOL_SET ? "public" : "private";
  return {
    "server/discover": { ttlMs: FIVE_MINUTES, cacheScope: "public" },
    "tools/list": { ttlMs: FIVE_MINUTES, cacheScope: toolsScope },
    "resources/templates/list": { ttlMs: FIVE_MINUTES, cacheScope: "public" },
  } as const;
}

/**
 * The MCP server for one request. The tools are recorded once per isolate (see tool-catalogue.ts); this binds them to
 * the caller, so a request costs a server object and a few handlers, not 44 tool registrations.
 */
export function buildMcpServer(ctx: ToolContext, era: "modern" | "legacy" = "modern"): Server {
  const server = new Server(SERVER_INFO, {
    instructions: INSTRUCTIONS,
    // Only what the server delivers: no list-changed notifications, since the tool set never changes at run time.
    capabilities: { tools: { listChanged: false } },
    cacheHints: cacheHintsFor(ctx),
  });
  const everyMs = ctx.progressEveryMs ?? PROGRESS_EVERY_MS;
  server.setRequestHandler("tools/list", () => ({ tools: toolListFor(ctx.scopes, ctx.toolSet) }));
  server.setRequestHandler("tools/call", async (request, call) => {
    const { name, arguments: args } = request.params;
    const tool = toolCatalogue().get(name);
    if (!tool) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Tool ${name} not found: tools/list names the tools there are.`);
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success) return textError(`Input validation error: Invalid arguments for tool ${name}: ${issues(parsed.error)}`);
    const result = await runAsCaller(ctx, () => withProgress(call.mcpReq, name, everyMs, () => tool.handler(parsed.data, call)));
    if (tool.output && !result.isError) {
      const checked = tool.output.safeParse(result.structuredContent);
      // A result that breaks its own schema is a server bug; say so rather than send it.
      if (!checked.success) {
        console.error(`tool ${name} broke its output schema`, issues(checked.error));
        return textError(`Output validation error: tool ${name} produced a result that does not match its output schema.`);
      }
    }
    return server.projectCallToolResult(result, tool.listing.outputSchema);
  });
  registerResources(server, ctx, era === "modern" && ctx.listen !== undefined);
  return server;
}

const textError = (text: string): CallToolResult => ({ isError: true, content: [{ type: "text", text }] });

const issues = (error: z.ZodError) =>
  explained(error.issues, [])
    .map((i) => `${i.path.join(".") || "(arguments)"}: ${i.message}`)
    .join("; ");

type Issue = z.ZodError["issues"][number];

/**
 * A union's bare "Invalid input" says nothing about what to fix. When every alternative but one failed only because
 * the value is another type altogether (patches is an array or its JSON text), the one left is what the caller meant:
 * report its issues, e.g. "patches.0: Unrecognized key: "path"".
 */
function explained(list: readonly Issue[], at: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return list.flatMap((issue) => {
    const path = [...at, ...issue.path];
    if (issue.code !== "invalid_union") return [{ path, message: issue.message }];
    const meant = issue.errors.filter((branch) => !branch.every((i) => i.code === "invalid_type" && i.path.length === 0));
    return meant.length === 1 ? explained(meant[0], path) : [{ path, message: issue.message }];
  });
}
