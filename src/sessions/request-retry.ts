import { SessionError } from "./errors";
import type { RequestRecord, RequestTag } from "./ports";

/** A call's identity for retries: the client's request id, the tool, and the arguments it was first used with. */
export interface RequestCall {
  id: string;
  tool: string;
  /** The tool's arguments; `request_id` itself is left out of the digest. */
  args?: Record<string, unknown>;
}

/** JSON with object keys sorted, so the same arguments always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** Binds a request id to its tool and arguments (SHA-256 of both, hex). */
export async function tagRequest(call: RequestCall): Promise<RequestTag> {
  const { request_id: _ignored, ...args } = call.args ?? {};
  const text = `${call.tool}\n${canonical(args)}`;
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return { id: call.id, tool: call.tool, digest: Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("") };
}

/**
 * Checks that an earlier use of a request id was this same call (an edit or a cursor move, as `kind` says). Throws
 * `request_id_reused` when it was another kind of call, tool or arguments (digests from before digests were stored,
 * null, are not compared).
 */
export function checkSameCall<K extends RequestRecord["kind"]>(
  sessionId: string,
  tag: RequestTag,
  earlier: RequestRecord,
  kind: K,
): asserts earlier is Extract<RequestRecord, { kind: K }> {
  const sameTool = earlier.kind === kind && (earlier.tool === tag.tool || earlier.tool === "");
  const sameArgs = earlier.digest === null || earlier.digest === tag.digest;
  if (sameTool && sameArgs) return;
  const what = earlier.kind === "move" ? `a ${earlier.tool || "cursor move"}` : `${earlier.tool} (history position ${earlier.position})`;
  throw new SessionError({
    kind: "request_id_reused",
    sessionId,
    requestId: tag.id,
    message:
      `request_id ${JSON.stringify(tag.id)} was already used in session ${sessionId} for ${what}` +
      `${sameTool ? " with different arguments" : ""}. A retry must repeat the same call exactly; use a new request_id for a new call.`,
  });
}

/** The answer to a retried edit whose entry left history by a new edit after an undo: it is never applied twice. */
export function discardedRequest(sessionId: string, tag: RequestTag, earlier: RequestRecord & { kind: "edit" }): SessionError {
  return new SessionError({
    kind: "request_discarded",
    sessionId,
    requestId: tag.id,
    position: earlier.position,
    discardedAt: earlier.retiredAt,
    message:
      `request_id ${JSON.stringify(tag.id)} was applied at history position ${earlier.position}, then undone and discarded by a later edit` +
      `${earlier.retiredAt ? ` (${earlier.retiredAt})` : ""}. It was not applied again; send it with a new request_id to apply it now.`,
  });
}
