import { AsyncLocalStorage } from "node:async_hooks";
import type { CallToolResult, McpServer, ServerContext, Tool } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { Scope, ToolContext, ToolSet } from "./context";
import { listedAnnotations, listedSchema } from "./listed-schema";
import { registerCommentTools } from "./tools/comment-tools";
import { registerDocumentTools } from "./tools/document-tools";
import { EDIT_TOOLS, registerEditTools } from "./tools/edit-tools";
import { registerExportTools } from "./tools/export-tools";
import { registerHistoryTools } from "./tools/history-tools";
import { registerLibrarySyncTools } from "./tools/library-sync-tools";
import { registerReadTools } from "./tools/read-tools";
import { registerRevisionTools } from "./tools/revision-tools";
import { registerSectionTools } from "./tools/section-tools";

/** A tool as registered by a tools/ file: its schemas built once, its handler bound to the current call's context. */
export interface CatalogueTool {
  name: string;
  /** The scope a token needs to see it in tools/list (calls are checked again inside the tool). */
  scope: Scope;
  input: z.ZodType;
  output?: z.ZodType;
  /** The tools/list entry, converted to JSON Schema once. */
  listing: Tool;
  handler: (args: unknown, call: ServerContext) => Promise<CallToolResult>;
}

/** Tools a read-scope token may call although they are not read-only: they open, close or export a read-only copy. */
const READ_TOKEN_TOOLS = new Set(["document_open", "document_close", "export", "export_markdown", "export_html"]);

const currentCall = new AsyncLocalStorage<ToolContext>();

/**
 * The context the tools/ files close over: each field is read from the tool call running now. Tool files therefore
 * run once per isolate, and building 44 tools with their schemas no longer costs every request milliseconds of CPU.
 */
const callContext = new Proxy({} as ToolContext, {
  get(_target, key) {
    const ctx = currentCall.getStore();
    if (!ctx) throw new Error(`Tool context field ${String(key)} read outside a tool call; read it inside the handler`);
    return ctx[key as keyof ToolContext];
  },
});

/** Runs work as part of a tool call made by the given caller. */
export const runAsCaller = <T>(ctx: ToolContext, work: () => Promise<T>): Promise<T> => currentCall.run(ctx, work);

type ToolConfig = {
  title?: string;
  description?: string;
  inputSchema?: z.ZodRawShape | z.ZodType;
  outputSchema?: z.ZodRawShape | z.ZodType;
  annotations?: Tool["annotations"];
};

const asSchema = (schema: z.ZodRawShape | z.ZodType | undefined): z.ZodType | undefined =>
  schema === undefined ? undefined : schema instanceof z.ZodType ? schema : z.object(schema);

/** Arguments a tool does not take are refused by name, not dropped: a misspelt `max_char` would otherwise read all. */
const strictInput = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodObject ? schema.strict() : schema);

function record(): Map<string, CatalogueTool> {
  const tools = new Map<string, CatalogueTool>();
  const recorder = {
    registerTool(name: string, config: ToolConfig, callback: (...args: unknown[]) => Promise<CallToolResult>) {
      if (tools.has(name)) throw new Error(`Tool ${name} is registered twice`);
      const input = strictInput(asSchema(config.inputSchema) ?? z.object({}));
      const output = asSchema(config.outputSchema);
      const readable = config.annotations?.readOnlyHint === true || READ_TOKEN_TOOLS.has(name);
      const annotations = listedAnnotations(config.annotations);
      const listing: Tool = {
        name,
        ...(config.title ? { title: config.title } : {}),
        ...(config.description ? { description: config.description } : {}),
        inputSchema: listedSchema(input, "input"),
        ...(output ? { outputSchema: listedSchema(output, "output") } : {}),
        ...(annotations ? { annotations } : {}),
      };
      const takesArgs = config.inputSchema !== undefined;
      tools.set(name, {
        name,
        scope: readable ? "read" : "write",
        input,
        output,
        listing,
        handler: (args, call) => (takesArgs ? callback(args, call) : callback(call)),
      });
    },
  } as unknown as McpServer;
  for (const register of [
    registerDocumentTools,
    registerReadTools,
    registerHistoryTools,
    registerLibrarySyncTools,
    registerEditTools,
    registerExportTools,
    registerSectionTools,
    registerCommentTools,
    registerRevisionTools,
  ]) {
    register(recorder, callContext);
  }
  return tools;
}

let catalogue: Map<string, CatalogueTool> | undefined;

/** Every tool, recorded on first use in this isolate. */
export function toolCatalogue(): Map<string, CatalogueTool> {
  catalogue ??= record();
  return catalogue;
}

/**
 * Whether a tool is in a tool set's list. The compact set leaves out the one-operation edit tools, whose operations
 * apply_patch takes under the same names; they stay callable by name, since listing is all a set changes.
 */
const inToolSet = (name: string, toolSet: ToolSet) => toolSet === "complete" || !Object.hasOwn(EDIT_TOOLS, name);

const listings = new Map<string, Tool[]>();

/** The tools/list answer for a token's scopes and tool set, in a stable order (the spec asks for it, for caching). */
export function toolListFor(scopes: readonly Scope[], toolSet: ToolSet): Tool[] {
  const access = scopes.includes("write") ? "write" : "read";
  const key = `${access} ${toolSet}`;
  let list = listings.get(key);
  if (!list) {
    list = [...toolCatalogue().values()]
      .filter((t) => (access === "write" || t.scope === "read") && inToolSet(t.name, toolSet))
      .map((t) => t.listing);
    listings.set(key, list);
  }
  return list;
}

let sizes: Record<ToolSet, { tools: number; chars: number }> | undefined;

/**
 * What each tool set costs a write token: tools listed and characters of tools/list JSON, for people choosing one.
 * Measured once per isolate, like the lists themselves (a page offering the choice asks for each set).
 */
export function toolSetSizes(): Record<ToolSet, { tools: number; chars: number }> {
  const size = (toolSet: ToolSet) => {
    const tools = toolListFor(["read", "write"], toolSet);
    return { tools: tools.length, chars: JSON.stringify({ tools }).length };
  };
  sizes ??= { compact: size("compact"), complete: size("complete") };
  return sizes;
}
