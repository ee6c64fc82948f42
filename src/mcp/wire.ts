/**
 * The one place engine results become wire data: the engine speaks camelCase domain types, tools answer in docx-mcp's
 * snake_case. Keys already in snake_case pass unchanged.
 */
import type { OperationOutcome } from "../docx/index";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `value` with every object key in snake_case (undefined properties dropped, as JSON would). */
export function toWire(value: unknown): Json {
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[snake(key)] = toWire(v);
    return out;
  }
  return value as Json;
}

/** The fields every edit result starts with. */
export interface EditEnvelope {
  doc_id: string;
  /** The session's history position after the call (for a dry run: the current one). */
  position: number;
  /** Whether the document changed (for a dry run: would change). */
  changed: boolean;
  /** True when request_id matched an earlier call, whose first result this is. */
  replayed: boolean;
  dry_run: boolean;
}

/**
 * An edit's result: the envelope, then the operation's own fields for a one-operation tool, or every operation's
 * outcome (with its status) for a patch.
 */
export function editResult(envelope: EditEnvelope, outcomes: OperationOutcome[], single: boolean): Record<string, Json> {
  if (single) {
    const { op, ...fields } = outcomes[0];
    return { ...(toWire(fields) as Record<string, Json>), ...envelope, op };
  }
  const status = envelope.dry_run ? "would_succeed" : "success";
  return {
    ...envelope,
    applied: envelope.dry_run ? 0 : outcomes.length,
    total: outcomes.length,
    operations: outcomes.map((o) => ({ ...(toWire(o) as Record<string, Json>), status })),
  };
}
