import { SessionError } from "./errors";
import type { HistoryEntryMeta, SessionIndex, SessionRecord } from "./ports";

/** How many of the edits made since the expected position the refusal names one by one. */
const NAMED_CHANGES = 5;

/**
 * The refusal of an edit whose `expected_position` is no longer the session's position: it names who changed the
 * document since (tool, time, what they did) so the agent re-reads instead of editing blind.
 */
export async function stalePosition(index: SessionIndex, head: SessionRecord, expected: number): Promise<SessionError> {
  const forward = head.position > expected && expected >= 0;
  // Entries expected+1..position are the edits made since (entry p sits at offset p-1); the newest are named.
  const first = Math.max(expected + 1, head.position - NAMED_CHANGES + 1);
  const page = forward ? await index.history(head.id, first - 1, head.position - first + 1) : null;
  const entries: HistoryEntryMeta[] = page?.entries ?? [];
  const changes = entries.map(({ position, tool, at, description }) => ({ position, tool, at, description }));
  const named = changes.map((c) => `position ${c.position} by ${c.tool} at ${c.at} (${c.description})`).join("; ");
  const what = forward
    ? `${head.position - expected} edit(s) were made since: ${named}${head.position - expected > changes.length ? "; earlier ones are in document_history" : ""}`
    : `the cursor was moved (undo, jump or a snapshot renumbering) at ${head.updatedAt}`;
  return new SessionError({
    kind: "stale_position",
    sessionId: head.id,
    expected,
    position: head.position,
    changes,
    message: `Session ${head.id} is at position ${head.position}, not ${expected} as this edit expected: ${what}. Nothing was written; read the document again and retry with expected_position: ${head.position}.`,
  });
}
