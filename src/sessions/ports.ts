/**
 * The storage ports the sessions layer needs. Implemented on R2 in src/storage/r2 and in memory in
 * src/storage/memory; every implementation runs the contract suites in test/contract.
 */

/** A file in a tenant's document library. */
export interface LibraryFileInfo {
  name: string;
  size: number;
  uploadedAt: string; // ISO 8601
  etag: string;
  contentType: string;
}

/** Body accepted by stores: bytes, or a stream whose length is known up front (R2 needs it). */
export type BlobBody = Uint8Array | { stream: ReadableStream<Uint8Array>; length: number };

/** The tenant's library of .docx files. Names are validated before they reach a store. */
export interface LibraryStore {
  list(tenantId: string, options?: { cursor?: string; limit?: number; prefix?: string }): Promise<{ files: LibraryFileInfo[]; cursor?: string }>;
  head(tenantId: string, name: string): Promise<LibraryFileInfo | null>;
  /** Streams a file; null when it does not exist. */
  open(tenantId: string, name: string): Promise<{ info: LibraryFileInfo; body: ReadableStream<Uint8Array> } | null>;
  read(tenantId: string, name: string): Promise<Uint8Array | null>;
  write(tenantId: string, name: string, body: BlobBody, contentType?: string): Promise<LibraryFileInfo>;
  /** True when a file was deleted, false when there was none. */
  remove(tenantId: string, name: string): Promise<boolean>;
}

/** What the tenant index knows about a session (listing, titles, positions). */
export interface SessionRecord {
  id: string;
  title: string;
  /** Library file the session was opened from, or null for a new document. */
  sourceName: string | null;
  createdAt: string;
  updatedAt: string;
  /** Current position in the session's history (0 = baseline). */
  position: number;
  /** Position last written back to the library with document_save (null = never saved). */
  savedPosition: number | null;
}

/** The tenant's session index. The tenant Durable Object is its only writer. */
export interface SessionIndex {
  add(record: SessionRecord): Promise<void>;
  get(sessionId: string): Promise<SessionRecord | null>;
  list(options: { offset: number; limit: number }): Promise<{ sessions: SessionRecord[]; total: number }>;
  update(sessionId: string, changes: Partial<Pick<SessionRecord, "title" | "updatedAt" | "position" | "savedPosition" | "sourceName">>): Promise<SessionRecord | null>;
  /** Removes the record; returns it, or null when there was none. */
  remove(sessionId: string): Promise<SessionRecord | null>;
}

/** The immutable facts of a session, stored beside its objects so storage can be read without the index. */
export interface SessionManifest {
  version: 1;
  sessionId: string;
  tenantId: string;
  createdAt: string;
  sourceName: string | null;
  baselineGeneration: number;
  baselineSize: number;
}

/** Session objects in blob storage: manifest and baseline document. History objects join in a later version. */
export interface SessionStore {
  /** Creates the session's objects; fails with `conflict` if the session already exists. */
  create(tenantId: string, manifest: SessionManifest, baseline: Uint8Array): Promise<void>;
  readManifest(tenantId: string, sessionId: string): Promise<SessionManifest | null>;
  readBaseline(tenantId: string, sessionId: string, generation: number): Promise<Uint8Array | null>;
  /** Deletes every object of the session. */
  destroy(tenantId: string, sessionId: string): Promise<void>;
}
