import { type ByteSource, createBlankDocx, type DocxDocument, type ExportFormat, MAX_IMAGE_BYTES } from "../docx/index";
import { chunkedBody } from "./chunked-body";
import { DocumentCache } from "./document-cache";
import { openLibrarySource } from "./docx-files";
import { readOnlySession, SessionError, sessionNotFound } from "./errors";
import { ExternalChanges } from "./external-changes";
import { checkLibraryImage } from "./library-images";
import { validateLibraryName } from "./library-names";
import type {
  BlobBody,
  ChangeFeed,
  LibraryFileInfo,
  LibraryStore,
  LiveChange,
  SessionIndex,
  SessionRecord,
  SessionStore,
  WriteCondition,
} from "./ports";
import { publishChange } from "./publish-change";
import { baselineObject, SessionHistory } from "./session-history";
import { SourceRelay } from "./source-relay";

/** Largest library file a session may open: the Workers request body limit. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

export interface DocumentSessionsDeps {
  tenantId: string;
  library: LibraryStore;
  store: SessionStore;
  index: SessionIndex;
  /** This isolate's warm documents; shared by every request the isolate serves. */
  cache?: DocumentCache;
  now?: () => Date;
  newSessionId?: () => string;
  background?: (work: Promise<unknown>) => void;
  /** Where opened, closed and saved sessions (and, through SessionHistory, edits) are announced to live listeners. */
  feed?: ChangeFeed;
}

export interface ClosedSession {
  session: SessionRecord;
  /** True when the session had edits that were never saved to the library. */
  discardedUnsavedChanges: boolean;
}

/** Exports up to this many bytes are returned inline; larger ones (and every .docx) go to the library. */
export const INLINE_EXPORT_BYTES = 100 * 1024;
/** Most sessions one tenant may have open at once. */
export const MAX_OPEN_SESSIONS = 100;
/** Largest Markdown or HTML export one call builds (it is held in memory until stored): about 4,000 pages of text. */
export const MAX_EXPORT_BYTES = 16 * 1024 * 1024;

const EXPORT_TYPES: Record<ExportFormat | "docx", { extension: string; contentType: string }> = {
  markdown: { extension: "md", contentType: "text/markdown; charset=utf-8" },
  html: { extension: "html", contentType: "text/html; charset=utf-8" },
  docx: { extension: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
};

const EXPORT_EXTENSIONS: Record<ExportFormat | "docx", string[]> = { markdown: ["md", "markdown"], html: ["html", "htm"], docx: ["docx"] };

export type ExportOutcome = { format: ExportFormat | "docx"; bytes: number } & (
  | { text: string; file?: undefined }
  | { file: LibraryFileInfo; text?: undefined }
);

/**
 * A session has unsaved changes when its document differs from its library file: the cursor is not at the saved
 * position. No saved position (lost with a discarded redo branch, or a new save target) always counts as different.
 */
export function hasUnsavedChanges(record: SessionRecord): boolean {
  return record.savedPosition !== record.position;
}

/** How many edits separate the session's document from its library file (a lower bound when the saved state was discarded). */
export function unsavedEdits(record: SessionRecord): number {
  if (!hasUnsavedChanges(record)) return 0;
  return record.savedPosition === null ? Math.max(record.position, 1) : Math.abs(record.position - record.savedPosition);
}

function randomSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The file name an export's default name starts from: the source file or title, without folders or extension. */
function exportBaseName(record: SessionRecord): string {
  const last =
    (record.sourceName ?? record.title)
      .replace(/\.docx$/i, "")
      .split("/")
      .pop() ?? "";
  // Titles are free text: keep them to characters that need no escaping anywhere a name travels.
  return last.replace(/[^\p{L}\p{N} ._-]+/gu, "_").trim() || "document";
}

/** An export written under a name whose extension says another format would be unopenable, or could replace a .docx. */
function checkExportName(name: string, format: ExportFormat | "docx"): void {
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  if (EXPORT_EXTENSIONS[format].includes(extension)) return;
  throw new SessionError({
    kind: "invalid_argument",
    field: "output_path",
    message: `output_path ${JSON.stringify(name)} does not end in ${EXPORT_EXTENSIONS[format].map((e) => `.${e}`).join(" or ")}, the extension of a ${format} export; nothing was written.`,
  });
}

function tooLarge(name: string, size: number, limit: number, allowed: string): SessionError {
  return new SessionError({
    kind: "file_too_large",
    name,
    size,
    limit,
    message: `File ${name} is ${size} bytes; ${allowed.replace("%d", String(limit))}`,
  });
}

function titleFromName(name: string): string {
  return (name.split("/").pop() ?? name).replace(/\.docx$/i, "");
}

/** A tenant's editing sessions: create, open from the library, list, save back, close. */
export class DocumentSessions {
  private readonly now: () => Date;
  private readonly newSessionId: () => string;
  /** Edits, undo/redo, snapshots and reads of the sessions' documents. */
  readonly history: SessionHistory;
  /** The library file changed under a session: compare, sync, or choose another file. */
  readonly external: ExternalChanges;

  constructor(private readonly deps: DocumentSessionsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newSessionId = deps.newSessionId ?? randomSessionId;
    this.history = new SessionHistory({
      tenantId: deps.tenantId,
      store: deps.store,
      index: deps.index,
      cache: deps.cache ?? new DocumentCache(),
      now: this.now,
      background: deps.background,
      feed: deps.feed,
    });
    this.external = new ExternalChanges({
      tenantId: deps.tenantId,
      library: deps.library,
      index: deps.index,
      history: this.history,
      now: this.now,
      get: (id) => this.get(id),
      readDocx: (name) => this.readDocx(name),
    });
  }

  /** Starts a session on a new, empty document. */
  async create(options: { title?: string } = {}): Promise<SessionRecord> {
    return this.start(createBlankDocx(), null, options.title?.trim() || "Untitled document", false);
  }

  /** A picture from the library (PNG, JPEG or GIF, checked by its bytes), for an image element value. */
  async readLibraryImage(name: string): Promise<Uint8Array> {
    validateLibraryName(name);
    const { bytes } = await this.readWithin(name, MAX_IMAGE_BYTES, "pictures up to %d bytes can be used");
    checkLibraryImage(name, bytes);
    return bytes;
  }

  /**
   * Starts a session on a copy of a library file; the library file is not changed until document_save. A read-only
   * session (opened with a read-scope token) refuses edits, moves and saves. The file is read by ranges (its central
   * directory and XML parts) and copied to the session's baseline as a stream, so its media never enter memory.
   */
  async open(name: string, options: { title?: string; readOnly?: boolean; autoSave?: boolean } = {}): Promise<SessionRecord> {
    validateLibraryName(name);
    const { info: read, doc, source } = await this.readDocx(name);
    const title = options.title?.trim() || titleFromName(name);
    const record = await this.start(source, { name, etag: read.etag }, title, options.readOnly ?? false, options.autoSave ?? true);
    // The document just parsed is the session's baseline: keep it warm so the first call does not parse it again,
    // reading its media from the baseline (a copy of exactly the version read) rather than the library file.
    // Without it (a failed head), the session stands and its first call reads the baseline like any other.
    const baseline = await this.deps.store.openBaseline(this.deps.tenantId, record.id, 0).catch(() => null);
    if (baseline?.size === source.size) {
      source.moveTo(baseline);
      this.history.remember(record, doc, baselineObject(0), source.size);
    }
    return record;
  }

  /**
   * A library file opened by range reads at the version it is now (its ETag names exactly these bytes), checked by the
   * engine; `source` reads that version, or fails with `source_changed` once the file changes.
   */
  async readDocx(name: string): Promise<{ info: LibraryFileInfo; doc: DocxDocument; source: SourceRelay }> {
    const file = await this.deps.library.source(this.deps.tenantId, name);
    if (!file) throw this.fileNotFound(name);
    if (file.info.size > MAX_DOCUMENT_BYTES)
      throw tooLarge(name, file.info.size, MAX_DOCUMENT_BYTES, "documents up to %d bytes can be opened");
    const source = new SourceRelay(file.source);
    return { info: file.info, source, doc: await openLibrarySource(name, source) }; // refuse what the engine cannot read before using it
  }

  /** One read of a library file no larger than `limit` (checked before its body is read); `allowed` says what fits. */
  private async readWithin(name: string, limit: number, allowed: string): Promise<{ bytes: Uint8Array; info: LibraryFileInfo }> {
    const file = await this.deps.library.open(this.deps.tenantId, name);
    if (!file) throw this.fileNotFound(name);
    if (file.info.size > limit) {
      await file.body.cancel();
      throw tooLarge(name, file.info.size, limit, allowed);
    }
    return { bytes: new Uint8Array(await new Response(file.body).arrayBuffer()), info: file.info };
  }

  async list(options: { offset?: number; limit?: number } = {}) {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.min(Math.max(1, options.limit ?? 50), 200);
    const { sessions, total } = await this.deps.index.list({ offset, limit });
    const nextOffset = offset + sessions.length < total ? offset + sessions.length : null;
    return { sessions, total, offset, nextOffset };
  }

  /** The tenant's library files, a page at a time (the cursor comes from the previous page). */
  async libraryFiles(options: { cursor?: string; limit?: number } = {}): Promise<{ files: LibraryFileInfo[]; cursor?: string }> {
    return this.deps.library.list(this.deps.tenantId, { cursor: options.cursor, limit: Math.min(Math.max(1, options.limit ?? 50), 200) });
  }

  /** One library file's facts, or null when the tenant has no file of that name. */
  async libraryFile(name: string): Promise<LibraryFileInfo | null> {
    return this.deps.library.head(this.deps.tenantId, validateLibraryName(name));
  }

  /** True when this tenant has an open session of that id. */
  async exists(sessionId: string): Promise<boolean> {
    return (await this.deps.index.get(sessionId)) !== null;
  }

  async get(sessionId: string): Promise<SessionRecord> {
    const record = await this.deps.index.get(sessionId);
    if (!record) throw sessionNotFound(sessionId);
    return record;
  }

  /** The session's current document as .docx bytes (held whole: for callers that need them so). */
  async currentDocument(sessionId: string): Promise<Uint8Array> {
    return (await this.history.currentBytes(sessionId)).bytes;
  }

  /**
   * Writes the current document to the library: back to its source, or to `outputName` ("save as"). Saving back is a
   * compare-and-swap on the version the session last read or wrote, so a file changed since (another session, an
   * upload) is never overwritten unless `overwrite` says so.
   */
  async save(sessionId: string, options: { outputName?: string; overwrite?: boolean } = {}) {
    const record = await this.get(sessionId);
    this.writable(record);
    const name = options.outputName ?? record.sourceName;
    if (!name) {
      throw new SessionError({
        kind: "invalid_argument",
        field: "output_path",
        message: `Session ${sessionId} is a new document with no library file yet: pass output_path, e.g. "report.docx"`,
      });
    }
    validateLibraryName(name);
    // Streamed to storage with its length known up front: untouched media are copied from the session's stored copy.
    const { head, body } = await this.history.currentStream(sessionId);
    const guarded = name === record.sourceName && !options.overwrite;
    // Without a known version the file must not exist yet (a new save target); otherwise it must still be that version.
    const condition: WriteCondition = record.sourceEtag === null ? { absent: true } : { etagMatches: record.sourceEtag };
    const file = guarded
      ? await this.deps.library.writeIf(this.deps.tenantId, name, body, condition)
      : await this.deps.library.write(this.deps.tenantId, name, body);
    if (!file) throw await this.saveConflict(name, record.sourceEtag === null ? "unknown" : "changed");
    const updated = await this.deps.index.update(sessionId, {
      savedPosition: head.position,
      sourceName: name,
      sourceEtag: file.etag,
      updatedAt: this.now().toISOString(),
    });
    await this.publish({ kind: "saved", sessionId, position: head.position, file: name, at: file.uploadedAt });
    return { session: updated ?? record, file };
  }

  private async saveConflict(name: string, why: "changed" | "unknown"): Promise<SessionError> {
    const now = await this.deps.library.head(this.deps.tenantId, name);
    const what =
      why === "unknown"
        ? `${JSON.stringify(name)} exists in the library and this session never read that version (it was created after the session chose the name, or the session predates version tracking)`
        : now
          ? `${JSON.stringify(name)} changed in the library at ${now.uploadedAt}, after this session opened or last saved it (another session or an upload wrote it)`
          : `${JSON.stringify(name)} was deleted from the library after this session opened or last saved it`;
    return new SessionError({
      kind: "save_conflict",
      name,
      changedAt: now?.uploadedAt ?? null,
      message: `Not saved: ${what}. Review the difference with get_external_changes and bring it in with sync_external_changes, save under another name with output_path, or replace the file with overwrite: true.`,
    });
  }

  private writable(record: SessionRecord): void {
    if (record.readOnly) throw readOnlySession(record.id);
  }

  /**
   * Exports the session's current document. Markdown or HTML up to `inlineLimit` bytes comes back as text; anything
   * larger, every .docx, and any export given an `outputName` is written to the library. Default names are unique
   * (`exports/<name>-<position>-<time>.<ext>`); an existing `outputName` is replaced only with `overwrite`, and its
   * extension must match the format. `allowFile: false` (a read-only caller) refuses instead of writing.
   */
  async export(
    sessionId: string,
    format: ExportFormat | "docx",
    options: { outputName?: string; overwrite?: boolean; inlineLimit?: number; allowFile?: boolean } = {},
  ): Promise<ExportOutcome> {
    const record = await this.get(sessionId);
    const type = EXPORT_TYPES[format];
    if (options.outputName !== undefined) checkExportName(validateLibraryName(options.outputName), format);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let position = record.position;
    let docx: BlobBody | null = null;
    if (format === "docx") {
      const current = await this.history.currentStream(sessionId);
      docx = current.body;
      size = current.body.length;
      position = current.head.position;
    } else {
      const encoder = new TextEncoder();
      await this.history.read(sessionId, (doc, head) => {
        position = head.position;
        // A read may run again (a part it needed had to be read from storage first): start from nothing each time.
        chunks.length = 0;
        size = 0;
        for (const text of doc.export(format)) {
          const bytes = encoder.encode(text);
          chunks.push(bytes);
          size += bytes.length;
          // Exports are built in memory before they are stored; stop, holding and writing nothing, past the cap.
          if (size > MAX_EXPORT_BYTES) {
            chunks.length = 0;
            throw new SessionError({
              kind: "file_too_large",
              name: options.outputName ?? `${exportBaseName(record)}.${type.extension}`,
              size,
              limit: MAX_EXPORT_BYTES,
              message: `The ${format} export of this document is over ${MAX_EXPORT_BYTES / (1024 * 1024)} MB, the largest export one call may build; nothing was written. Export it as docx, or read it in pages with query.`,
            });
          }
        }
      });
      if (options.outputName === undefined && size <= (options.inlineLimit ?? INLINE_EXPORT_BYTES)) {
        return { format, bytes: size, text: chunks.map((c) => new TextDecoder().decode(c)).join("") };
      }
    }
    if (options.allowFile === false) {
      throw new SessionError({
        kind: "forbidden",
        scope: "write",
        message: `This ${format} export (${size} bytes) must be written to your library, which needs the 'write' scope. Use a token with the 'write' scope.`,
      });
    }
    // Chunks are handed to storage one by one, so the export is never joined into one more copy. A .docx streams once:
    // a write refused for its name gets a fresh stream of the document next time.
    const body = async (): Promise<BlobBody> => {
      if (format !== "docx") return chunkedBody(chunks);
      const first = docx;
      docx = null;
      return first ?? (await this.history.currentStream(sessionId)).body;
    };
    const write = async (name: string, condition: WriteCondition | null) =>
      condition
        ? this.deps.library.writeIf(this.deps.tenantId, name, await body(), condition, type.contentType)
        : this.deps.library.write(this.deps.tenantId, name, await body(), type.contentType);
    if (options.outputName !== undefined) {
      const file = await write(options.outputName, options.overwrite ? null : { absent: true });
      if (!file)
        throw new SessionError({
          kind: "file_exists",
          name: options.outputName,
          message: `Your library already has a file named ${JSON.stringify(options.outputName)}; nothing was written. Pass overwrite: true to replace it, choose another output_path, or leave output_path out for a new unique name.`,
        });
      return { format, bytes: size, file };
    }
    const base = `exports/${exportBaseName(record)}-${position}-${this.now()
      .toISOString()
      .replace(/[-:]|\.\d+/g, "")}`;
    for (let attempt = 1; attempt <= 20; attempt++) {
      const file = await write(`${base}${attempt === 1 ? "" : `-${attempt}`}.${type.extension}`, { absent: true });
      if (file) return { format, bytes: size, file };
    }
    throw new SessionError({
      kind: "conflict",
      sessionId,
      message: `Could not find a free export name next to ${base}.${type.extension}; pass output_path.`,
    });
  }

  /**
   * Ends a session and deletes its stored objects. A document that differs from its library file is only
   * discarded with `discard: true`; a caller without write access may close read-only sessions only.
   */
  async close(sessionId: string, options: { discard?: boolean; canWrite?: boolean } = {}): Promise<ClosedSession> {
    const current = await this.get(sessionId);
    if (options.canWrite === false && !current.readOnly)
      throw new SessionError({
        kind: "forbidden",
        scope: "write",
        message: `Session ${sessionId} was opened for editing; closing it needs the 'write' scope. A read-only token may close the read-only sessions it opened.`,
      });
    if (hasUnsavedChanges(current) && !options.discard) {
      const edits = unsavedEdits(current);
      throw new SessionError({
        kind: "unsaved_changes",
        sessionId,
        edits,
        message:
          `Session ${sessionId} has unsaved changes: closing would lose ${current.savedPosition === null ? "at least " : ""}${edits} edit(s) not in ` +
          `${current.sourceName ? JSON.stringify(current.sourceName) : "any library file"}. Save them with document_save, or close with discard: true to drop them.`,
      });
    }
    const record = await this.deps.index.remove(sessionId);
    if (!record) throw sessionNotFound(sessionId);
    await this.deps.store.destroy(this.deps.tenantId, sessionId);
    this.history.forget(sessionId);
    await this.publish({ kind: "closed", sessionId, at: this.now().toISOString() });
    return { session: record, discardedUnsavedChanges: hasUnsavedChanges(record) };
  }

  /** `baseline`: the new document's bytes, or the library file to copy (streamed, never held whole). */
  private async start(
    baseline: Uint8Array | ByteSource,
    source: { name: string; etag: string } | null,
    title: string,
    readOnly: boolean,
    autoSave = false,
  ): Promise<SessionRecord> {
    const sourceName = source?.name ?? null;
    // Each open session keeps its history in storage until closed: a tenant may hold only so many at once.
    const { total } = await this.deps.index.list({ offset: 0, limit: 1 });
    if (total >= MAX_OPEN_SESSIONS) {
      throw new SessionError({
        kind: "quota_exceeded",
        quota: "open_sessions",
        limit: MAX_OPEN_SESSIONS,
        message: `You have ${total} open sessions, the most one account may have; close some with document_close (document_list shows them) and try again.`,
      });
    }
    const id = this.newSessionId();
    const at = this.now().toISOString();
    const body: BlobBody =
      baseline instanceof Uint8Array ? baseline : { stream: await baseline.stream(0, baseline.size), length: baseline.size };
    await this.deps.store.create(
      this.deps.tenantId,
      {
        version: 1,
        sessionId: id,
        tenantId: this.deps.tenantId,
        createdAt: at,
        sourceName,
        baselineGeneration: 0,
        baselineSize: body.length,
      },
      body,
    );
    const record: SessionRecord = {
      id,
      title,
      sourceName,
      createdAt: at,
      updatedAt: at,
      position: 0,
      // A new document's blank start counts as saved: closing it untouched loses nothing.
      savedPosition: 0,
      top: 0,
      version: 0,
      baselineGeneration: 0,
      sourceEtag: source?.etag ?? null,
      readOnly,
      // A session with a library file writes itself back once edits settle, unless the caller turned it off.
      autoSave: autoSave && source !== null && !readOnly,
      autoSaveError: null,
    };
    await this.deps.index.add(record);
    await this.publish({ kind: "opened", sessionId: id, at });
    return record;
  }

  private publish(change: LiveChange) {
    return publishChange(this.deps.feed, this.deps.tenantId, change);
  }

  private fileNotFound(name: string) {
    return new SessionError({
      kind: "file_not_found",
      name,
      message: `No file named ${JSON.stringify(name)} in your library. Upload it with PUT /api/files/{name} or list files with GET /api/files`,
    });
  }
}
