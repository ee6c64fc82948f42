/**
 * The storage ports the sessions layer needs. Implemented on R2 in src/storage/r2 and in memory in
 * src/storage/memory; every implementation runs the contract suites in test/contract.
 */

import type { ByteSource } from "../docx/index";

export type { ByteSource };

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

/** When a conditional write goes through: the file is still the version with this ETag, or no file of that name exists. */
export type WriteCondition = { etagMatches: string } | { absent: true };

/** The tenant's library of .docx files. Names are validated before they reach a store. */
export interface LibraryStore {
  list(
    tenantId: string,
    options?: { cursor?: string; limit?: number; prefix?: string },
  ): Promise<{ files: LibraryFileInfo[]; cursor?: string }>;
  head(tenantId: string, name: string): Promise<LibraryFileInfo | null>;
  /** Streams a file; null when it does not exist. */
  open(tenantId: string, name: string): Promise<{ info: LibraryFileInfo; body: ReadableStream<Uint8Array> } | null>;
  read(tenantId: string, name: string): Promise<Uint8Array | null>;
  /**
   * A file for range reads, pinned to the version it is now: once the file is replaced or deleted, reads fail with
   * `source_changed` rather than return other bytes. Null when it does not exist.
   */
  source(tenantId: string, name: string): Promise<{ info: LibraryFileInfo; source: ByteSource } | null>;
  write(tenantId: string, name: string, body: BlobBody, contentType?: string): Promise<LibraryFileInfo>;
  /** Writes only if the condition holds at the moment of writing (atomic); null when it did not and nothing was written. */
  writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType?: string): Promise<LibraryFileInfo | null>;
  /** True when a file was deleted, false when there was none. */
  remove(tenantId: string, name: string): Promise<boolean>;
}

/**
 * Uploads held apart while they are checked, under the tenant's staging prefix: each put creates a new object under a
 * random name (create-only) that nothing lists or opens but the upload that wrote it, which deletes it when done.
 */
export interface UploadStaging {
  /** Stores a body as a new staging object and returns its id; fails (storing nothing) if the body is not its length. */
  put(tenantId: string, body: BlobBody): Promise<string>;
  /** The staged object for range reads; null when there is none. */
  source(tenantId: string, id: string): Promise<ByteSource | null>;
  remove(tenantId: string, id: string): Promise<void>;
  /** Deletes staging objects written before `before` (left by an upload that crashed); returns how many. */
  sweep(tenantId: string, before: Date): Promise<number>;
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
  /**
   * Position whose document equals the library file (opened from, last saved or synced; a new document's blank
   * start counts as position 0). Snapshots renumber it, so it goes negative when the saved state was compacted;
   * null when it lay on a redo branch that a new edit discarded.
   */
  savedPosition: number | null;
  /** ETag of the library file version the session was opened from or last saved/synced to (null: unknown). */
  sourceEtag: string | null;
  /** Opened with a read-only token: edits, saves and moves are refused. */
  readOnly: boolean;
  /** Write the document back to its library file by itself once edits settle (the tenant object's alarm). */
  autoSave: boolean;
  /** Why the last automatic save failed (a conflict, a storage error); null when it succeeded or none was due. */
  autoSaveError: string | null;
  /** When the session ends if it stays idle (set by the tenant object, which runs the expiry). */
  expiresAt?: string;
  /** Last position in history; positions above `position` can be redone. */
  top: number;
  /** Bumped by every change of history or cursor: the compare-and-swap token for writers. */
  version: number;
  /** Which baseline object positions are counted from (a snapshot starts a new one). */
  baselineGeneration: number;
}

/** One edit in a session's history, as the index knows it; the change itself is a blob named `object`. */
export interface HistoryEntryMeta {
  position: number;
  object: string;
  tool: string;
  description: string;
  at: string;
  size: number;
  requestId: string | null;
  /** Digest of the tool and arguments of the call that wrote the entry (null for entries from before digests). */
  requestDigest: string | null;
}

/** A client's request id with what it is used for: the tool and a digest of its arguments. */
export interface RequestTag {
  id: string;
  tool: string;
  digest: string;
}

/** What a request id did earlier in a session: an edit (still in history, compacted into a snapshot, or discarded) or a cursor move. */
export type RequestRecord =
  | {
      kind: "edit";
      tool: string;
      digest: string | null;
      position: number;
      result: string | null;
      state: "in_history" | "compacted" | "discarded";
      /** When the entry left history (compacted or discarded). */
      retiredAt: string | null;
    }
  | { kind: "move"; tool: string; digest: string | null; from: number; to: number };

/** A full document stored at a position, so loading never replays more than a bounded number of entries. */
export interface CheckpointMeta {
  position: number;
  object: string;
  size: number;
}

/** How to rebuild a position: start from a checkpoint (or the baseline) and apply these entries in order. */
export interface LoadPlan {
  head: SessionRecord;
  target: number;
  checkpoint: CheckpointMeta | null;
  entries: HistoryEntryMeta[];
}

export type CommitOutcome =
  | { status: "committed"; head: SessionRecord; dropped: string[] }
  /** The request id was used before; nothing was written. */
  | { status: "duplicate"; head: SessionRecord; request: RequestRecord }
  | { status: "conflict"; head: SessionRecord };

export type MoveOutcome =
  | { status: "moved"; head: SessionRecord }
  | { status: "conflict"; head: SessionRecord }
  /** The request id was used before (a move reports its `from` and `to`); nothing moved this time. */
  | { status: "duplicate"; head: SessionRecord; request: RequestRecord };

export type RebaseOutcome = { status: "rebased"; head: SessionRecord; dropped: string[] } | { status: "conflict"; head: SessionRecord };

/** Fields of a session record that are set directly (everything else moves with history). */
export type SessionChanges = Partial<
  Pick<SessionRecord, "title" | "updatedAt" | "savedPosition" | "sourceName" | "sourceEtag" | "autoSave" | "autoSaveError">
>;

/**
 * The tenant's session index and history ledger. The tenant Durable Object is its only writer; every
 * change of history is a compare-and-swap on `SessionRecord.version`.
 */
export interface SessionIndex {
  add(record: SessionRecord): Promise<void>;
  get(sessionId: string): Promise<SessionRecord | null>;
  list(options: { offset: number; limit: number }): Promise<{ sessions: SessionRecord[]; total: number }>;
  update(sessionId: string, changes: SessionChanges): Promise<SessionRecord | null>;
  /** Removes the session and its ledger; returns the record, or null when there was none. */
  remove(sessionId: string): Promise<SessionRecord | null>;

  /** Entries and checkpoint needed to rebuild `position` (default: the current one); null for an unknown session. */
  loadPlan(sessionId: string, position?: number): Promise<LoadPlan | null>;
  /** Appends an entry after the current position if the session is still at `expectedVersion`; drops the redo branch. */
  commit(sessionId: string, expectedVersion: number, entry: HistoryEntryMeta, result: string | null, at: string): Promise<CommitOutcome>;
  /** What an earlier call with this request id did (edits are remembered after they leave history); null when none. */
  findRequest(sessionId: string, requestId: string): Promise<RequestRecord | null>;
  /** Moves the cursor (undo, redo, jump) if the session is still at `expectedVersion`; a used request id moves nothing. */
  move(sessionId: string, expectedVersion: number, position: number, at: string, request?: RequestTag | null): Promise<MoveOutcome>;
  /** Records a checkpoint, unless the entry it was built from is no longer in history. */
  addCheckpoint(sessionId: string, checkpoint: CheckpointMeta, builtFrom: string | null): Promise<boolean>;
  history(sessionId: string, offset: number, limit: number): Promise<{ entries: HistoryEntryMeta[]; total: number } | null>;
  /** Makes the current position the new baseline (generation `baselineGeneration`), keeping or dropping redo. */
  rebase(sessionId: string, expectedVersion: number, baselineGeneration: number, discardRedo: boolean, at: string): Promise<RebaseOutcome>;
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

/**
 * Session objects in blob storage. Objects are named relative to the session (`wal/…`, `cp/…`); each
 * name is written once (create-only), so no key is rewritten and none outlives the session.
 */
export interface SessionStore {
  /** Creates the session's objects; fails with `conflict` if the session already exists. */
  create(tenantId: string, manifest: SessionManifest, baseline: BlobBody): Promise<void>;
  readManifest(tenantId: string, sessionId: string): Promise<SessionManifest | null>;
  /** Rewrites the manifest by compare-and-swap on its ETag, re-reading and retrying when another writer won. */
  updateManifest(tenantId: string, sessionId: string, change: (manifest: SessionManifest) => SessionManifest): Promise<SessionManifest>;
  /** A baseline for range reads (reads fail with `source_changed` once it is deleted); null when there is none. */
  openBaseline(tenantId: string, sessionId: string, generation: number): Promise<ByteSource | null>;
  writeBaseline(tenantId: string, sessionId: string, generation: number, body: BlobBody): Promise<void>;
  deleteBaseline(tenantId: string, sessionId: string, generation: number): Promise<void>;
  /** Writes a named object once; false when an object of that name already exists. */
  putObject(tenantId: string, sessionId: string, name: string, body: BlobBody): Promise<boolean>;
  readObject(tenantId: string, sessionId: string, name: string): Promise<Uint8Array | null>;
  /** A named object (a checkpoint) for range reads, as openBaseline; null when there is none. */
  openObject(tenantId: string, sessionId: string, name: string): Promise<ByteSource | null>;
  deleteObjects(tenantId: string, sessionId: string, names: string[]): Promise<void>;
  /** Deletes every object of the session. */
  destroy(tenantId: string, sessionId: string): Promise<void>;
}

/**
 * A committed change in a tenant, as its live listeners hear of it (the dashboard, MCP listen streams). Positions
 * are the session's after the change.
 */
export type LiveChange =
  | { kind: "edited"; sessionId: string; position: number; tool: string; description: string; at: string }
  /** Undo, redo or jump: the cursor went from `from` to `position`; `tool` is known when the call carried a request id. */
  | { kind: "moved"; sessionId: string; from: number; position: number; tool: string | null; at: string }
  | { kind: "saved"; sessionId: string; position: number; file: string; at: string }
  /** History up to the cursor was folded into a new baseline: positions count from it again. */
  | { kind: "snapshot"; sessionId: string; position: number; at: string }
  | { kind: "opened" | "closed"; sessionId: string; at: string }
  | { kind: "library"; name: string; change: "written" | "removed"; at: string };

/**
 * Tells the tenant's live listeners about committed changes. Best effort: a change stands whether or not anyone
 * hears of it, so callers log a failure to publish and carry on.
 */
export interface ChangeFeed {
  publish(tenantId: string, change: LiveChange): Promise<void>;
}
