/**
 * Documents opened from storage leave their media there until a call needs one (see DocxDocument.openFrom): these
 * read what a replayed change or a call needs, so the engine's synchronous reads find it.
 */
import { type DocumentChange, type DocxDocument, isDocxError } from "../docx/index";

/** Binary parts (media) a change rewrites: a document opened from storage reads them before applying or reverting it. */
export const binaryParts = (change: DocumentChange) => (change.parts ?? []).flatMap((p) => (p.kind === "binary" ? [p.part] : []));

/** The parts a failure says were never read from storage (part_not_loaded, also as the cause of a failed patch). */
function unreadParts(error: unknown): string[] {
  if (!isDocxError(error)) return [];
  const failure = error.failure.kind === "patch_failed" ? error.failure.cause : error.failure;
  return failure.kind === "part_not_loaded" ? (failure.parts ?? [failure.part]) : [];
}

/**
 * Runs `work` on a document opened from storage, where media stay unread until needed. When the work needs parts
 * never read, `reset` undoes what the run changed, those parts (only those) are read, and the work runs again. A miss
 * naming only parts already read for it (parts of another document, e.g. the version sync_external_changes brings
 * in) is passed on to the caller. `work` may be async (a whole history edit, retried on the other document).
 */
export async function withParts<T>(doc: DocxDocument, work: () => T | Promise<T>, reset: () => void = () => {}): Promise<T> {
  const read = new Set<string>();
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const missing = unreadParts(error).filter((part) => !read.has(part));
      if (missing.length === 0) throw error;
      reset();
      await doc.loadParts(missing);
      for (const part of missing) read.add(part);
    }
  }
}
