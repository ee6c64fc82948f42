import { type DocumentChange, DocxDocument, type PackageStream } from "../docx/index";
import { CHECKPOINT_MAX_ENTRIES, checkpointDue } from "./checkpoint-policy";
import type { CachedDocument, DocumentCache } from "./document-cache";
import { readOnlySession, SessionError, sessionNotFound } from "./errors";
import type {
  ChangeFeed,
  CommitOutcome,
  HistoryEntryMeta,
  LiveChange,
  LoadPlan,
  RequestRecord,
  RequestTag,
  SessionIndex,
  SessionRecord,
  SessionStore,
} from "./ports";
import { publishChange } from "./publish-change";
import { checkSameCall, discardedRequest, type RequestCall, tagRequest } from "./request-retry";
import { stalePosition } from "./stale-position";
import { binaryParts, withParts } from "./unread-parts";

/** How many times an edit is re-applied on newer state after losing a compare-and-swap race. */
const MAX_EDIT_ATTEMPTS = 25;

/** Randomized, growing pause before a retry, so racing writers stop colliding in lockstep. */
const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

export interface SessionHistoryDeps {
  tenantId: string;
  store: SessionStore;
  index: SessionIndex;
  cache: DocumentCache;
  now: () => Date;
  /** Lets the caller run best-effort clean-up after the response (ExecutionContext.waitUntil). */
  background?: (work: Promise<unknown>) => void;
  /** Where committed edits, moves and snapshots are announced to live listeners. */
  feed?: ChangeFeed;
}

/** What a mutating tool does to the document: mutate it and say, in one line, what it did. */
export type Mutation<R> = (doc: DocxDocument) => { result: R; description: string };

export interface EditOutcome<R> {
  result: R;
  position: number;
  /** False when the call changed nothing (no entry was written). */
  changed: boolean;
  /** True when `request_id` matched an earlier call, whose first result is returned. */
  replayed: boolean;
}

interface EntryPayload {
  tool: string;
  description: string;
  at: string;
  requestId: string | null;
  change: DocumentChange;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function randomSuffix(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, "0")).join("");
}
const pad = (n: number) => String(n).padStart(8, "0");

/** The stored object a session's position 0 is read from (CachedDocument.source). */
export const baselineObject = (generation: number) => `baseline/${generation}`;

/** Undoes whatever changed since the last take; true when something had changed. */
function discardPending(doc: DocxDocument): boolean {
  const change = doc.takeChange();
  if (change) doc.revertChange(change);
  return change !== null;
}

/**
 * A session's history: edits as write-ahead-log entries committed by compare-and-swap in the tenant
 * index, undo/redo/jump as cursor moves, checkpoints, snapshots, and the warm-isolate document cache.
 */
export class SessionHistory {
  constructor(private readonly deps: SessionHistoryDeps) {}

  private key(sessionId: string) {
    return `${this.deps.tenantId}/${sessionId}`;
  }

  /** Drops this isolate's copy of a session's document (the session was closed). */
  forget(sessionId: string): void {
    this.deps.cache.delete(this.key(sessionId));
  }

  /** Keeps a document parsed from a new session's baseline (`source`, as CachedDocument.source) as this isolate's copy of its position 0. */
  remember(record: SessionRecord, doc: DocxDocument, source: string, documentBytes: number): void {
    this.deps.cache.set(this.key(record.id), {
      version: record.version,
      position: record.position,
      doc,
      source,
      changes: new Map(),
      sinceCheckpoint: { entries: 0, bytes: 0 },
      documentBytes,
    });
  }

  private tooManyConflicts(sessionId: string) {
    return new SessionError({
      kind: "conflict",
      sessionId,
      message: `Session ${sessionId} is being edited by other calls too quickly; retry this call`,
    });
  }

  /** Refuses changes to a session opened read-only. */
  private writable(head: SessionRecord): void {
    if (head.readOnly) throw readOnlySession(head.id);
  }

  /** The answer to a retried edit: its first result, or what became of it; never a second application. */
  private retriedEdit<R>(sessionId: string, tag: RequestTag, earlier: RequestRecord): EditOutcome<R> {
    checkSameCall(sessionId, tag, earlier, "edit");
    if (earlier.state === "discarded") throw discardedRequest(sessionId, tag, earlier);
    return { result: JSON.parse(earlier.result ?? "null") as R, position: earlier.position, changed: true, replayed: true };
  }

  private async head(sessionId: string): Promise<SessionRecord> {
    const head = await this.deps.index.get(sessionId);
    if (!head) throw sessionNotFound(sessionId);
    return head;
  }

  /**
   * The current document, from this isolate's cache when it is still current (one small index read). `known` is a head
   * the caller read moments ago: when the cache is at its version no second read is needed; when it is not (an edit
   * here moved on meanwhile), the index is read again before anything is rebuilt, so the state is never older.
   */
  private async state(sessionId: string, known?: SessionRecord): Promise<{ head: SessionRecord; state: CachedDocument }> {
    const key = this.key(sessionId);
    const fresh = known && this.deps.cache.get(key, known.version) ? known : await this.head(sessionId);
    const cached = this.deps.cache.get(key, fresh.version);
    if (cached) return { head: fresh, state: cached };
    const plan = await this.deps.index.loadPlan(sessionId);
    if (!plan) throw sessionNotFound(sessionId);
    const state = await this.build(sessionId, plan);
    this.deps.cache.set(this.key(sessionId), state);
    return { head: plan.head, state };
  }

  /**
   * Rebuilds a position: one checkpoint (or baseline) opened by range reads plus the entries after it. Media stay in
   * the stored object; only those a replayed entry rewrites are read.
   */
  private async build(sessionId: string, plan: LoadPlan): Promise<CachedDocument> {
    const { tenantId, store } = this.deps;
    const object = plan.checkpoint ? plan.checkpoint.object : baselineObject(plan.head.baselineGeneration);
    const [source, payloads] = await Promise.all([
      plan.checkpoint
        ? store.openObject(tenantId, sessionId, plan.checkpoint.object)
        : store.openBaseline(tenantId, sessionId, plan.head.baselineGeneration),
      Promise.all(plan.entries.map((e) => this.readEntry(sessionId, e))),
    ]);
    if (!source)
      throw new SessionError({
        kind: "conflict",
        sessionId,
        message: `Session ${sessionId} changed while it was being loaded; retry the call`,
      });
    const doc = await DocxDocument.openFrom(source);
    const changes = new Map<number, DocumentChange>();
    let walBytes = 0;
    for (const [i, entry] of plan.entries.entries()) {
      const { change } = payloads[i];
      await doc.loadParts(binaryParts(change));
      doc.applyChange(change);
      changes.set(entry.position, change);
      walBytes += entry.size;
    }
    return {
      version: plan.head.version,
      position: plan.target,
      doc,
      source: object,
      changes,
      sinceCheckpoint: { entries: plan.entries.length, bytes: walBytes },
      documentBytes: source.size,
    };
  }

  private async readEntry(sessionId: string, entry: HistoryEntryMeta): Promise<EntryPayload> {
    const bytes = await this.deps.store.readObject(this.deps.tenantId, sessionId, entry.object);
    if (!bytes)
      throw new SessionError({
        kind: "conflict",
        sessionId,
        message: `History entry ${entry.position} of session ${sessionId} is missing from storage`,
      });
    return JSON.parse(decoder.decode(bytes)) as EntryPayload;
  }

  /** Runs a read against the current document. */
  async read<T>(sessionId: string, reader: (doc: DocxDocument, head: SessionRecord) => T): Promise<T> {
    // The index is read before taking the session's turn, so concurrent reads wait for each other's work, not for
    // each other's round trips to the tenant object.
    const known = await this.head(sessionId);
    return this.deps.cache.exclusive(this.key(sessionId), async () => {
      const { head, state } = await this.state(sessionId, known);
      return withParts(state.doc, () => reader(state.doc, head));
    });
  }

  /**
   * Runs a mutation to see what it would do (a tool's dry_run) and undoes it: nothing is written and the cached
   * document ends as it was. `changed` says whether the mutation would change the document at all.
   */
  async preview<R>(
    sessionId: string,
    mutate: Mutation<R>,
    meta: { author?: string } = {},
  ): Promise<{ result: R; description: string; changed: boolean; position: number }> {
    return this.deps.cache.exclusive(this.key(sessionId), async () => {
      const { head, state } = await this.state(sessionId);
      const { doc } = state;
      try {
        if (meta.author) doc.setEditor(meta.author);
        const applied = await withParts(
          doc,
          () => mutate(doc),
          () => discardPending(doc),
        );
        return { ...applied, changed: discardPending(doc), position: head.position };
      } catch (error) {
        discardPending(doc);
        throw error;
      }
    });
  }

  /** The current document as .docx bytes, held whole (see currentStream). */
  async currentBytes(sessionId: string): Promise<{ head: SessionRecord; bytes: Uint8Array }> {
    const { head, body } = await this.currentStream(sessionId);
    return { head, bytes: new Uint8Array(await new Response(body.stream).arrayBuffer()) };
  }

  /**
   * The current document as a stream of known length, for storage: edited parts are deflated now, untouched ones copied
   * as their compressed bytes, media never read streaming from the session's stored object while the stream is read.
   */
  async currentStream(sessionId: string): Promise<{ head: SessionRecord; body: PackageStream }> {
    return this.read(sessionId, (doc, head) => ({ head, body: doc.saveStream() }));
  }

  /**
   * Applies a mutation as one history entry. The entry object is written first (create-only), then
   * committed in the index by compare-and-swap; a lost race re-applies the mutation on the newer state. With
   * `expectedPosition`, an edit on a document that has moved since is refused (`stale_position`), nothing written.
   */
  async edit<R>(
    sessionId: string,
    meta: { tool: string; requestId?: string | null; author?: string; args?: Record<string, unknown>; expectedPosition?: number },
    mutate: Mutation<R>,
  ): Promise<EditOutcome<R>> {
    const requestId = meta.requestId ?? null;
    const tag = requestId === null ? null : await tagRequest({ id: requestId, tool: meta.tool, args: meta.args });
    return this.deps.cache.exclusive(this.key(sessionId), async () => {
      // A retry is answered before the mutation runs: re-running it could fail (its target is gone) or differ.
      if (tag !== null) {
        const earlier = await this.deps.index.findRequest(sessionId, tag.id);
        if (earlier) return this.retriedEdit<R>(sessionId, tag, earlier);
      }
      for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
        const { head, state } = await this.state(sessionId);
        this.writable(head);
        if (meta.expectedPosition !== undefined && meta.expectedPosition !== head.position)
          throw await stalePosition(this.deps.index, head, meta.expectedPosition);
        const { doc } = state;
        let applied: { result: R; description: string };
        try {
          if (meta.author) doc.setEditor(meta.author);
          applied = await withParts(
            doc,
            () => mutate(doc),
            () => discardPending(doc),
          );
        } catch (error) {
          discardPending(doc); // a failed call changes nothing
          throw error;
        }
        const change = doc.takeChange();
        if (!change) return { result: applied.result, position: head.position, changed: false, replayed: false };

        const at = this.deps.now().toISOString();
        const payload = encoder.encode(
          JSON.stringify({ tool: meta.tool, description: applied.description, at, requestId, change } satisfies EntryPayload),
        );
        const object = `wal/${pad(head.position + 1)}-${randomSuffix()}.json`;
        const undoLocal = () => {
          doc.revertChange(change);
          this.deps.cache.delete(this.key(sessionId));
        };
        try {
          await this.deps.store.putObject(this.deps.tenantId, sessionId, object, payload);
        } catch (error) {
          undoLocal();
          throw error;
        }
        const entry: HistoryEntryMeta = {
          position: head.position + 1,
          object,
          tool: meta.tool,
          description: applied.description,
          at,
          size: payload.length,
          requestId,
          requestDigest: tag?.digest ?? null,
        };
        let outcome: CommitOutcome;
        try {
          outcome = await this.deps.index.commit(sessionId, head.version, entry, JSON.stringify(applied.result ?? null), at);
        } catch (error) {
          undoLocal(); // unknown outcome: forget the cached state, the next call reloads from the index
          throw error;
        }
        if (outcome.status === "committed") {
          state.version = outcome.head.version;
          state.position = outcome.head.position;
          for (const p of [...state.changes.keys()]) if (p >= state.position) state.changes.delete(p);
          state.changes.set(state.position, change);
          state.sinceCheckpoint.entries++;
          state.sinceCheckpoint.bytes += payload.length;
          this.cleanUp(sessionId, outcome.dropped);
          // The dropped redo branch held the checkpoint this document reads its media from: reload it next time.
          const sourceDropped = outcome.dropped.includes(state.source);
          if (sourceDropped) this.deps.cache.delete(this.key(sessionId));
          await this.publish({
            kind: "edited",
            sessionId,
            position: state.position,
            tool: meta.tool,
            description: applied.description,
            at,
          });
          if (!sourceDropped) await this.maybeCheckpoint(sessionId, state, object);
          return { result: applied.result, position: state.position, changed: true, replayed: false };
        }
        undoLocal();
        this.cleanUp(sessionId, [object]);
        if (outcome.status === "duplicate" && tag !== null) return this.retriedEdit<R>(sessionId, tag, outcome.request);
        // conflict: another writer moved the session; loop re-applies the mutation on its state
        await backoff(attempt);
      }
      throw this.tooManyConflicts(sessionId);
    });
  }

  private publish(change: LiveChange) {
    return publishChange(this.deps.feed, this.deps.tenantId, change);
  }

  private async maybeCheckpoint(sessionId: string, state: CachedDocument, builtFrom: string): Promise<void> {
    if (!checkpointDue(state.sinceCheckpoint, state.documentBytes)) return;
    const object = `cp/${pad(state.position)}-${randomSuffix()}.docx`;
    // A checkpoint is an optimization: failing to write one loses nothing.
    try {
      const body = state.doc.saveStream();
      await this.deps.store.putObject(this.deps.tenantId, sessionId, object, body);
      const recorded = await this.deps.index.addCheckpoint(sessionId, { position: state.position, object, size: body.length }, builtFrom);
      if (!recorded) this.cleanUp(sessionId, [object]);
      else {
        state.sinceCheckpoint = { entries: 0, bytes: 0 };
        state.documentBytes = body.length;
      }
    } catch (error) {
      console.warn("checkpoint failed", sessionId, error);
    }
  }

  private cleanUp(sessionId: string, objects: string[]) {
    if (objects.length === 0) return;
    const work = this.deps.store
      .deleteObjects(this.deps.tenantId, sessionId, objects)
      .catch((e) => console.warn("history clean-up failed", sessionId, e));
    if (this.deps.background) this.deps.background(work);
  }

  /**
   * Moves the cursor (undo, redo and jump are all this). A repeated request id returns the first move (`from`, `to`)
   * and moves nothing; used before for another call, it is refused.
   */
  async moveTo(
    sessionId: string,
    target: (head: SessionRecord) => number,
    request: RequestCall | null = null,
  ): Promise<{ head: SessionRecord; from: number; to: number; replayed: boolean }> {
    const tag = request === null ? null : await tagRequest(request);
    return this.deps.cache.exclusive(this.key(sessionId), async () => {
      for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
        const { head, state } = await this.state(sessionId);
        this.writable(head);
        const position = target(head);
        if (position === head.position && tag === null) return { head, from: head.position, to: position, replayed: false };
        const outcome = await this.deps.index.move(sessionId, head.version, position, this.deps.now().toISOString(), tag);
        if (outcome.status === "duplicate" && tag !== null) {
          const earlier = outcome.request;
          checkSameCall(sessionId, tag, earlier, "move");
          return { head: outcome.head, from: earlier.from, to: earlier.to, replayed: true };
        }
        if (outcome.status === "conflict") {
          await backoff(attempt);
          continue;
        }
        await this.moveCached(sessionId, state, position, outcome.head);
        const at = outcome.head.updatedAt;
        await this.publish({ kind: "moved", sessionId, from: head.position, position, tool: tag?.tool ?? null, at });
        return { head: outcome.head, from: head.position, to: position, replayed: false };
      }
      throw this.tooManyConflicts(sessionId);
    });
  }

  /** Brings the cached document to `position` by reverting or re-applying changes, or drops it when that would cost more than a reload. */
  private async moveCached(sessionId: string, state: CachedDocument, position: number, head: SessionRecord) {
    const steps = Math.abs(position - state.position);
    if (steps > CHECKPOINT_MAX_ENTRIES) {
      this.deps.cache.delete(this.key(sessionId));
      return;
    }
    const needed: number[] = [];
    const [low, high] = position < state.position ? [position + 1, state.position] : [state.position + 1, position];
    for (let p = low; p <= high; p++) if (!state.changes.has(p)) needed.push(p);
    // Only changes this isolate has not seen are read, and only then is the index asked where they are
    // (entry positions run 1..top, so the page at offset p-1 starts at position p).
    const page = needed.length ? await this.deps.index.history(sessionId, needed[0] - 1, needed[needed.length - 1] - needed[0] + 1) : null;
    const metas = new Map((page?.entries ?? []).map((e) => [e.position, e]));
    const changeAt = async (p: number) => {
      const known = state.changes.get(p);
      if (known) return known;
      const meta = metas.get(p);
      if (!meta) return null;
      const change = (await this.readEntry(sessionId, meta)).change;
      state.changes.set(p, change);
      return change;
    };
    try {
      if (position < state.position) {
        for (let p = state.position; p > position; p--) {
          const change = await changeAt(p);
          if (!change) throw new Error("missing change");
          await state.doc.loadParts(binaryParts(change));
          state.doc.revertChange(change);
        }
      } else {
        for (let p = state.position + 1; p <= position; p++) {
          const change = await changeAt(p);
          if (!change) throw new Error("missing change");
          await state.doc.loadParts(binaryParts(change));
          state.doc.applyChange(change);
        }
      }
      state.position = position;
      state.version = head.version;
    } catch {
      this.deps.cache.delete(this.key(sessionId));
    }
  }

  async history(sessionId: string, offset: number, limit: number) {
    const head = await this.head(sessionId);
    const page = await this.deps.index.history(sessionId, offset, limit);
    if (!page) throw sessionNotFound(sessionId);
    return { head, ...page };
  }

  /** Makes the current document the new baseline; history up to it is deleted, redo kept unless discarded. */
  async snapshot(sessionId: string, discardRedo: boolean): Promise<{ head: SessionRecord; dropped: number }> {
    return this.deps.cache.exclusive(this.key(sessionId), async () => {
      const { head, state } = await this.state(sessionId);
      this.writable(head);
      const generation = head.baselineGeneration + 1;
      const body = state.doc.saveStream();
      await this.deps.store.writeBaseline(this.deps.tenantId, sessionId, generation, body);
      const outcome = await this.deps.index.rebase(sessionId, head.version, generation, discardRedo, this.deps.now().toISOString());
      if (outcome.status === "conflict") {
        await this.deps.store.deleteBaseline(this.deps.tenantId, sessionId, generation);
        throw new SessionError({
          kind: "conflict",
          sessionId,
          message: `Session ${sessionId} changed while the snapshot was taken; retry document_snapshot`,
        });
      }
      // The manifest follows the index, so storage alone still names the live baseline.
      await this.deps.store.updateManifest(this.deps.tenantId, sessionId, (m) => ({
        ...m,
        baselineGeneration: generation,
        baselineSize: body.length,
      }));
      // The cached document may read media from the objects deleted next (the old baseline, a checkpoint): the next
      // call opens the new baseline instead.
      this.deps.cache.delete(this.key(sessionId));
      await this.deps.store.deleteObjects(this.deps.tenantId, sessionId, outcome.dropped);
      await this.deps.store.deleteBaseline(this.deps.tenantId, sessionId, head.baselineGeneration);
      await this.publish({ kind: "snapshot", sessionId, position: 0, at: outcome.head.updatedAt });
      return { head: outcome.head, dropped: outcome.dropped.length };
    });
  }
}
