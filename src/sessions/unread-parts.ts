/**
 * Documents opened from storage leave their media there until a call needs one (see DocxDocument.openFrom): these
 * read what a replayed change or a call needs, so the engine's synchronous reads find it.
 */
import { type DocumentChange, type DocxDocument, isDocxError } from "../docx/index";

/** Binary parts (media) a change rewrites: a document opened from storage reads them before applying or reverting it. */
export const binaryParts = (change: DocumentChange) => (change.parts ?? []).flatMap((p) => (p.kind === "binary" ? [p.part] : []));

/** The part a failure says was never read from storage (part_not_loaded, also as the cause of a failed patch). */
function unreadPart(error: unknown): string | null {
  if (!isDocxError(error)) return null;
  const failure = error.failure.kind === "patch_failed" ? error.failure.cause : error.failure;
  return failure.kind === "part_not_loaded" ? failure.part : null;
}

/**
 * Runs `work` on a document opened from storage, where media stay unread until needed. When the work needs a part
 * never read, `reset` undoes what the run changed, the part is read, and the work runs again; a second miss reads
 * every unread part (sync_external_changes compares them all) before the last run.
 */
export async function withParts<T>(doc: DocxDocument, work: () => T, reset: () => void = () => {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return work();
    } catch (error) {
      const part = unreadPart(error);
      if (part === null || attempt >= 2) throw error;
      reset();
      await doc.loadParts(attempt === 0 ? [part] : undefined);
    }
  }
}
