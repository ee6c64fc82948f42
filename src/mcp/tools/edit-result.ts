/**
 * Runs an edit (one operation or a patch) as one history entry, or previews it with dry_run, and shapes the one result
 * every edit tool returns: the envelope (doc_id, position, changed, replayed, dry_run), the operations' results, and
 * `external_change` when the session's library file changed since the session read or wrote it, so an agent learns
 * before its save is refused. The notice never blocks the edit.
 */
import type { CallToolResult } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { OperationOutcome } from "../../docx/index";
import type { ToolContext } from "../context";
import { ToolError, toolSuccess } from "../tool-result";
import { type EditEnvelope, editResult, type Json } from "../wire";

const SYNC_HINT = "call get_external_changes, then sync_external_changes or save with overwrite";
const DELETED_HINT = "the file was deleted from the library; document_save writes it again";

/** Fields an operation may take as docx-mcp's JSON text instead of an object. */
const JSON_FIELDS = ["value", "style", "cell_style", "row_style"];

/**
 * The envelope every edit result has. A tool's operation fields (or a patch's `operations`) follow it untyped: they
 * differ by operation, and an open object lets them through (listed schemas of outputs do not close objects).
 */
export const editOutputSchema = z.object({
  doc_id: z.string(),
  position: z.number(),
  changed: z.boolean(),
  replayed: z.boolean(),
  dry_run: z.boolean(),
});

export interface EditCall {
  tool: string;
  docId: string;
  dryRun: boolean;
  requestId?: string;
  /** The history position the caller read; the edit is refused when the document has moved since. */
  expectedPosition?: number;
  /** The tool's arguments, which a retried request_id must repeat. */
  args: Record<string, unknown>;
  /** One operation (a tool call) or a patch's array. */
  operations: Record<string, unknown> | unknown[];
  summary?: (result: Record<string, Json>) => string;
}

/** Applies the call's operations through the engine's one edit path and returns the tool result. */
export async function runEdit(ctx: ToolContext, call: EditCall): Promise<CallToolResult> {
  const single = !Array.isArray(call.operations);
  const decoded = Array.isArray(call.operations) ? decodePatch(call.operations) : decodeFields(call.operations, "");
  const operations = await withLibraryImages(ctx, decoded);
  const mutate = (doc: Parameters<Parameters<typeof ctx.sessions.history.edit>[2]>[0]) => {
    const out = doc.edit(operations, { single });
    const description = single
      ? out.descriptions[0]
      : `apply_patch: ${out.operations.length} operation${out.operations.length === 1 ? "" : "s"} (${[...new Set(out.operations.map((o) => o.op))].join(", ")})`;
    return { result: out.operations, description };
  };
  let outcomes: OperationOutcome[];
  let envelope: EditEnvelope;
  if (call.dryRun) {
    const preview = await ctx.sessions.history.preview(call.docId, mutate, { author: ctx.author });
    outcomes = preview.result;
    envelope = { doc_id: call.docId, position: preview.position, changed: preview.changed, replayed: false, dry_run: true };
  } else {
    const done = await ctx.sessions.history.edit(
      call.docId,
      { tool: call.tool, requestId: call.requestId, author: ctx.author, args: call.args, expectedPosition: call.expectedPosition },
      mutate,
    );
    outcomes = done.result;
    envelope = { doc_id: call.docId, position: done.position, changed: done.changed, replayed: done.replayed, dry_run: false };
  }
  const result = editResult(envelope, outcomes, single);
  return withExternalChange(ctx, call.docId, result, call.summary?.(result));
}

/**
 * Adds `external_change` to a result when the session's library file changed under it (edits and cursor moves both
 * report it). A failed look at the library never turns a committed edit into an error.
 */
export async function withExternalChange(
  ctx: ToolContext,
  docId: string,
  data: Record<string, unknown>,
  summary?: string,
): Promise<CallToolResult> {
  let pending: Awaited<ReturnType<typeof ctx.sessions.external.pending>> = null;
  try {
    pending = await ctx.sessions.external.pending(docId);
  } catch (error) {
    console.error("external change check failed", error);
  }
  if (!pending) return toolSuccess(data, summary === undefined ? undefined : `${summary}\n${JSON.stringify(data)}`);
  const external_change = {
    file: pending.file,
    changed_at: pending.changedAt,
    hint: pending.changedAt === null ? DELETED_HINT : SYNC_HINT,
  };
  const notice =
    pending.changedAt === null
      ? `Note: library file ${pending.file} was deleted; ${DELETED_HINT}.`
      : `Note: library file ${pending.file} changed at ${pending.changedAt}, after this session read it; ${SYNC_HINT}.`;
  const withNotice = { ...data, external_change };
  return toolSuccess(withNotice, `${summary ? `${summary}\n` : ""}${JSON.stringify(withNotice)}\n${notice}`);
}

function decodeFields(op: Record<string, unknown>, at: string): Record<string, unknown> {
  const out = { ...op };
  for (const key of JSON_FIELDS) if (typeof out[key] === "string") out[key] = decodeJson(out[key], at ? `${at}.${key}` : key);
  return out;
}

function decodePatch(operations: unknown[]): unknown[] {
  return operations.map((o, i) =>
    o !== null && typeof o === "object" && !Array.isArray(o) ? decodeFields(o as Record<string, unknown>, `operations[${i}]`) : o,
  );
}

/** Image values naming a library file ({"type":"image","file":"logo.png"}) get its bytes as base64 `data`. */
async function withLibraryImages<T>(ctx: ToolContext, operations: T): Promise<T> {
  const one = async (op: unknown) => {
    const value = (op as { value?: { type?: unknown; file?: unknown } } | null)?.value;
    if (value?.type !== "image" || typeof value.file !== "string") return op;
    const bytes = await ctx.sessions.readLibraryImage(value.file);
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    const { file: _file, ...rest } = value;
    return { ...(op as object), value: { ...rest, data: btoa(binary) } };
  };
  return (Array.isArray(operations) ? await Promise.all(operations.map(one)) : await one(operations)) as T;
}

/** docx-mcp's JSON text form of a parameter, decoded; anything else as given. */
export function decodeJson(value: unknown, field: string): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch (e) {
    throw new ToolError({ kind: "invalid_argument", field, message: `${field} is not valid JSON: ${(e as Error).message}` });
  }
}
