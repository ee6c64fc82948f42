/**
 * When to store a full document in history. A checkpoint costs a whole .docx; an entry costs the
 * edited blocks. Checkpointing once the WAL since the last checkpoint reaches the document's size (or
 * MAX_ENTRIES entries) keeps amortized writes near the entry size, and bounds any load to one
 * checkpoint plus at most MAX_ENTRIES replayed entries.
 */
export const CHECKPOINT_MAX_ENTRIES = 200;

/** Floor for the byte rule, so tiny documents do not checkpoint every few edits. */
const MIN_WAL_BYTES = 256 * 1024;

export function checkpointDue(since: { entries: number; bytes: number }, documentBytes: number): boolean {
  return since.entries >= CHECKPOINT_MAX_ENTRIES || since.bytes >= Math.max(documentBytes, MIN_WAL_BYTES);
}
