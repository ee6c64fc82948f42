import type { BodyComparison, DocxDocument, PartsDifference } from "../docx/index";
import { readOnlySession, SessionError } from "./errors";
import { validateLibraryName } from "./library-names";
import type { LibraryFileInfo, LibraryStore, SessionIndex, SessionRecord } from "./ports";
import type { RequestCall } from "./request-retry";
import type { SessionHistory } from "./session-history";
import { withParts } from "./unread-parts";

export interface ExternalChangesDeps {
  tenantId: string;
  library: LibraryStore;
  index: SessionIndex;
  history: SessionHistory;
  now: () => Date;
  get: (sessionId: string) => Promise<SessionRecord>;
  readDocx: (name: string) => Promise<{ info: LibraryFileInfo; doc: DocxDocument }>;
}

/** What the library file is now, compared with the session's document. */
export type ExternalState =
  | { status: "in_sync"; session: SessionRecord; file: LibraryFileInfo }
  | { status: "changed"; session: SessionRecord; file: LibraryFileInfo; comparison: BodyComparison; parts: PartsDifference }
  | { status: "deleted"; session: SessionRecord; name: string };

/** The library file a session saves to, when it is no longer the version the session read or wrote. */
export interface PendingExternalChange {
  file: string;
  /** When the file's current version was written; null when the file was deleted. */
  changedAt: string | null;
}

/**
 * A session and the library file it saves to, when someone else changed that file: detect it (by ETag), summarise
 * the difference block by block, bring the file in as one undoable history entry, or point the session elsewhere.
 */
export class ExternalChanges {
  constructor(private readonly deps: ExternalChangesDeps) {}

  private async sourceOf(sessionId: string): Promise<{ session: SessionRecord; name: string }> {
    const session = await this.deps.get(sessionId);
    if (!session.sourceName)
      throw new SessionError({
        kind: "invalid_argument",
        field: "doc_id",
        message: `Session ${sessionId} is a new document with no library file; save it with document_save and output_path, or choose one with document_set_source.`,
      });
    return { session, name: session.sourceName };
  }

  /** Whether the library file changed since the session read or wrote it, and if so how it differs from the session. */
  async check(sessionId: string): Promise<ExternalState> {
    const { session, name } = await this.sourceOf(sessionId);
    const head = await this.deps.library.head(this.deps.tenantId, name);
    if (!head) return { status: "deleted", session, name };
    if (head.etag === session.sourceEtag) return { status: "in_sync", session, file: head };
    const { info, doc } = await this.deps.readDocx(name);
    // Parts are compared as sync adopts them: media by their zip digests, so neither side's media are read.
    const { comparison, parts } = await this.deps.history.read(sessionId, (current) => ({
      comparison: current.compareBody(doc),
      parts: current.compareParts(doc),
    }));
    return { status: "changed", session, file: info, comparison, parts };
  }

  /** Cheap (one index read, one library head): whether a change to the session's file is pending; null if none. */
  async pending(sessionId: string): Promise<PendingExternalChange | null> {
    const session = await this.deps.get(sessionId);
    if (!session.sourceName) return null;
    const head = await this.deps.library.head(this.deps.tenantId, session.sourceName);
    if (!head) return session.sourceEtag === null ? null : { file: session.sourceName, changedAt: null };
    return head.etag === session.sourceEtag ? null : { file: session.sourceName, changedAt: head.uploadedAt };
  }

  /**
   * Replaces the session's document by the library file's current version as one history entry (undo brings the
   * session's version back). The session then counts as saved at that entry, at that file version.
   */
  async sync(sessionId: string, request: RequestCall | null = null) {
    const { session, name } = await this.sourceOf(sessionId);
    if (session.readOnly) throw readOnlySession(sessionId);
    const { info, doc } = await this.deps.readDocx(name);
    const outcome = await this.adopt(sessionId, name, info, doc, request);
    const updated = outcome.replayed
      ? await this.deps.get(sessionId)
      : await this.deps.index.update(sessionId, {
          savedPosition: outcome.position,
          sourceEtag: info.etag,
          updatedAt: this.deps.now().toISOString(),
        });
    return { ...outcome, session: updated ?? session, file: info };
  }

  /**
   * Adopts `doc` as one history entry. Media equal on both sides are read on neither; the session's differing ones
   * are read by the history's own retry, the library version's here: adopting names those it lacks (changing
   * nothing), they are read, and the edit runs again. So this call holds only media that changed.
   */
  private adopt(sessionId: string, name: string, info: LibraryFileInfo, doc: DocxDocument, request: RequestCall | null) {
    return withParts(doc, () =>
      this.deps.history.edit(sessionId, { tool: "sync_external_changes", requestId: request?.id, args: request?.args }, (current) => {
        const adopted = current.adopt(doc);
        const { added, removed, modified, moved } = adopted.counts;
        return {
          result: { ...adopted, etag: info.etag },
          description: `sync with library file ${name} (version of ${info.uploadedAt}): +${added} -${removed} ~${modified} moved ${moved}`,
        };
      }),
    );
  }

  /**
   * Points the session at another library file ("save as" target), and turns auto-save on or off. The file need not
   * exist; if it does, the next save replaces it (the caller chose it), and later saves are guarded as usual.
   */
  async setSource(sessionId: string, name: string, options: { autoSave?: boolean } = {}): Promise<SessionRecord> {
    validateLibraryName(name);
    const session = await this.deps.get(sessionId);
    if (session.readOnly) throw readOnlySession(sessionId);
    const existing = await this.deps.library.head(this.deps.tenantId, name);
    const updated = await this.deps.index.update(sessionId, {
      sourceName: name,
      sourceEtag: existing?.etag ?? null,
      // The document equals no version of the new target until it is saved there.
      savedPosition: null,
      autoSave: options.autoSave ?? session.autoSave,
      autoSaveError: null,
      updatedAt: this.deps.now().toISOString(),
    });
    return updated ?? session;
  }
}
