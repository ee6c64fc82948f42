import type { CallToolResult } from "@modelcontextprotocol/server";
import { isDocxError } from "../docx/index";
import { isSessionError } from "../sessions/index";
import type { Scope, ToolContext } from "./context";

/** A failure a tool reports to its caller, with the facts as data. */
export interface ToolFailure {
  kind: string;
  message: string;
  [fact: string]: unknown;
}

/** Raised inside a tool for failures that belong to the MCP layer itself (scopes, arguments). */
export class ToolError extends Error {
  constructor(readonly failure: ToolFailure) {
    super(failure.message);
    this.name = "ToolError";
  }
}

/** The one place where errors of every layer become MCP tool errors. Unknown errors never leak internals. */
export function toToolFailure(error: unknown): ToolFailure {
  if (error instanceof ToolError) return error.failure;
  if (isSessionError(error)) return { ...error.failure };
  if (isDocxError(error)) return { ...error.failure };
  console.error("unexpected tool failure", error);
  return { kind: "internal_error", message: "The server failed to complete this call. Nothing was changed; try again." };
}

export function toolFailureResult(error: unknown): CallToolResult {
  const failure = toToolFailure(error);
  return {
    isError: true,
    content: [{ type: "text", text: `Error (${failure.kind}): ${failure.message}` }],
    structuredContent: { error: failure },
  };
}

/** A successful result: structured data for programs, the same data as compact JSON text for models (so a budget is its real size). */
export function toolSuccess(data: Record<string, unknown>, text?: string): CallToolResult {
  return {
    content: [{ type: "text", text: text ?? JSON.stringify(data) }],
    structuredContent: data,
  };
}

export function requireScope(ctx: ToolContext, scope: Scope, tool: string): void {
  if (!ctx.scopes.includes(scope)) {
    throw new ToolError({
      kind: "forbidden",
      scope,
      message: `${tool} needs the '${scope}' scope; this token has ${ctx.scopes.map((s) => `'${s}'`).join(", ") || "no scopes"}. Create a token with the '${scope}' scope to use it.`,
    });
  }
}

/** Runs a tool body with the scope check and the one error mapping. */
export async function runTool(ctx: ToolContext, tool: string, scope: Scope, body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    requireScope(ctx, scope, tool);
    return await body();
  } catch (error) {
    return toolFailureResult(error);
  }
}
