import { createBlankDocx, DocxDocument, type ExportFormat, isDocxError } from "../docx/index";
import { chunkedBody } from "./chunked-body";
import { DocumentCache } from "./document-cache";
import { SessionError, sessionNotFound } from "./errors";
import { validateLibraryName } from "./library-names";
import type { LibraryFileInfo, LibraryStore, SessionIndex, SessionRecord, SessionStore } from "./ports";
import { SessionHistory } from "./session-history";

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

export type ExportOutcome = { format: ExportFormat | "docx"; bytes: number } & (
  | { text: string; file?: undefined }
  | { file: LibraryFileInfo; text?: undefined }
);

/** A session has unsaved changes when it has edits that its last save (if any) does not include. */
export function hasUnsavedChanges(record: SessionRecord): boolean {
  return record.savedPosition === null ? record.position > 0 : record.savedPosition !== record.position;
}

function randomSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
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
    });
  }

  /** Starts a session on a new, empty document. */
  async create(options: { title?: string } = {}): Promise<SessionRecord> {
    return this.start(createBlankDocx(), null, options.title?.trim() || "Untitled document");
  }

  /** The bytes of any library file (e.g. a picture to insert), up to `limit` bytes. */
  async readLibraryFile(name: string, limit: number): Promise<Uint8Array> {
    validateLibraryName(name);
    const info = await this.deps.library.head(this.deps.tenantId, name);
    if (!info) throw this.fileNotFound(name);
    if (info.size > limit)
      throw new SessionError({
        kind: "file_too_large",
        name,
        size: info.size,
        limit,
        message: `File ${name} is ${info.size} bytes; at most ${limit} bytes can be used here`,
      });
    const bytes = await this.deps.library.read(this.deps.tenantId, name);
    if (!bytes) throw this.fileNotFound(name);
    return bytes;
  }

  /** Starts a session on a copy of a library file; the library file is not changed until document_save. */
  async open(name: string, options: { title?: string } = {}): Promise<SessionRecord> {
    validateLibraryName(name);
    const info = await this.deps.library.head(this.deps.tenantId, name);
    if (!info) throw this.fileNotFound(name);
    if (info.size > MAX_DOCUMENT_BYTES) {
      throw new SessionError({
        kind: "file_too_large",
        name,
        size: info.size,
        limit: MAX_DOCUMENT_BYTES,
        message: `File ${name} is ${info.size} bytes; documents up to ${MAX_DOCUMENT_BYTES} bytes can be opened`,
      });
    }
    const bytes = await this.deps.library.read(this.deps.tenantId, name);
    if (!bytes) throw this.fileNotFound(name);
    let doc: DocxDocument;
    try {
      doc = DocxDocument.open(bytes); // refuse anything the engine cannot read before a session exists
    } catch (error) {
      const failure = isDocxError(error) ? error.failure : null;
      if (failure?.kind === "document_too_large") {
        throw new SessionError({ kind: "file_too_large", name, size: failure.actual, limit: failure.limit, message: failure.message });
      }
      throw new SessionError({
        kind: "not_a_docx",
        name,
        message: `${name} cannot be opened as a Word document: ${(error as Error).message}`,
      });
    }
    const record = await this.start(bytes, name, options.title?.trim() || titleFromName(name));
    // The document just parsed is the session's baseline: keep it warm so the first call does not parse it again.
    this.history.remember(record, doc, bytes.length);
    return record;
  }

  async list(options: { offset?: number; limit?: number } = {}) {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.min(Math.max(1, options.limit ?? 50), 200);
    const { sessions, total } = await this.deps.index.list({ offset, limit });
    const nextOffset = offset + sessions.length < total ? offset + sessions.length : null;
    return { sessions, total, offset, nextOffset };
  }

  async get(sessionId: string): Promise<SessionRecord> {
    const record = await this.deps.index.get(sessionId);
    if (!record) throw sessionNotFound(sessionId);
    return record;
  }

  /** The session's current document as .docx bytes. */
  async currentDocument(sessionId: string): Promise<Uint8Array> {
    return (await this.history.currentBytes(sessionId)).bytes;
  }

  /** Writes the current document to the library: back to its source, or to `outputName` ("save as"). */
  async save(sessionId: string, outputName?: string) {
    const record = await this.get(sessionId);
    const name = outputName ?? record.sourceName;
    if (!name) {
      throw new SessionError({
        kind: "invalid_argument",
        field: "output_path",
        message: `Session ${sessionId} is a new document with no library file yet: pass output_path, e.g. "report.docx"`,
      });
    }
    validateLibraryName(name);
    const { head, chunks } = await this.history.currentChunks(sessionId);
    const file = await this.deps.library.write(this.deps.tenantId, name, chunkedBody(chunks));
    const updated = await this.deps.index.update(sessionId, {
      savedPosition: head.position,
      sourceName: name,
      updatedAt: this.now().toISOString(),
    });
    return { session: updated ?? record, file };
  }

  /**
   * Exports the session's current document. Markdown or HTML up to `inlineLimit` bytes comes back as text; anything
   * larger, every .docx, and any export given an `outputName` is written to the library (default
   * `exports/<name>.<ext>`). `allowFile: false` (a read-only caller) refuses instead of writing.
   */
  async export(
    sessionId: string,
    format: ExportFormat | "docx",
    options: { outputName?: string; inlineLimit?: number; allowFile?: boolean } = {},
  ): Promise<ExportOutcome> {
    const record = await this.get(sessionId);
    const type = EXPORT_TYPES[format];
    const base =
      (record.sourceName ?? record.title)
        .replace(/\.docx$/i, "")
        .split("/")
        .pop()!
        .trim() || "document";
    const name = validateLibraryName(options.outputName ?? `exports/${base}.${type.extension}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (format === "docx") {
      chunks.push(...(await this.history.currentChunks(sessionId)).chunks);
      size = chunks.reduce((n, c) => n + c.length, 0);
    } else {
      const encoder = new TextEncoder();
      await this.history.read(sessionId, (doc) => {
        for (const text of doc.export(format)) {
          const bytes = encoder.encode(text);
          chunks.push(bytes);
          size += bytes.length;
          // Exports are built in memory before they are stored; stop, holding and writing nothing, past the cap.
          if (size > MAX_EXPORT_BYTES) {
            chunks.length = 0;
            throw new SessionError({
              kind: "file_too_large",
              name,
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
    // Chunks are handed to storage one by one, so the export is never joined into one more copy.
    const file = await this.deps.library.write(this.deps.tenantId, name, chunkedBody(chunks), type.contentType);
    return { format, bytes: size, file };
  }

  /** Ends a session and deletes its stored objects. */
  async close(sessionId: string): Promise<ClosedSession> {
    const record = await this.deps.index.remove(sessionId);
    if (!record) throw sessionNotFound(sessionId);
    await this.deps.store.destroy(this.deps.tenantId, sessionId);
    this.history.forget(sessionId);
    return { session: record, discardedUnsavedChanges: hasUnsavedChanges(record) };
  }

  private async start(bytes: Uint8Array, sourceName: string | null, title: string): Promise<SessionRecord> {
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
    await this.deps.store.create(
      this.deps.tenantId,
      {
        version: 1,
        sessionId: id,
        tenantId: this.deps.tenantId,
        createdAt: at,
        sourceName,
        baselineGeneration: 0,
        baselineSize: bytes.length,
      },
      bytes,
    );
    const record: SessionRecord = {
      id,
      title,
      sourceName,
      createdAt: at,
      updatedAt: at,
      position: 0,
      savedPosition: sourceName === null ? null : 0,
      top: 0,
      version: 0,
      baselineGeneration: 0,
    };
    await this.deps.index.add(record);
    return record;
  }

  private fileNotFound(name: string) {
    return new SessionError({
      kind: "file_not_found",
      name,
      message: `No file named ${JSON.stringify(name)} in your library. Upload it with PUT /api/files/{name} or list files with GET /api/files`,
    });
  }
}
