import type { DocumentChange, DocxDocument } from "../docx/index";

/** A session's document as this isolate last saw it, valid while the session's version is unchanged. */
export interface CachedDocument {
  version: number;
  position: number;
  doc: DocxDocument;
  /**
   * The stored object the document was opened from (`baseline/{generation}` or a checkpoint's name): its media are
   * read from there until an edit needs them, so the entry is dropped when that object is deleted.
   */
  source: string;
  /** Changes by position, so undo and redo in a warm isolate read nothing from storage. */
  changes: Map<number, DocumentChange>;
  /** Entries and WAL bytes since the last checkpoint (or baseline), for the checkpoint policy. */
  sinceCheckpoint: { entries: number; bytes: number };
  /** Size of the .docx the state was loaded from: the checkpoint yardstick. */
  documentBytes: number;
}

/**
 * Recently used documents of this isolate, least recently used evicted first, bounded by what they hold in memory
 * (the engine's estimate: the file, its inflated main part, block facts and parsed trees; a .docx of 2.6 MB holds
 * about 40 MB). The default budget leaves about half of an isolate's 128 MB to the request being served. Also
 * serializes work per session inside the isolate, so concurrent calls never share a half-edited document.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  /** Keys held by a running call, with when it started. */
  private readonly busy = new Map<string, number>();

  /**
   * `leaseMs`: how long a call may hold a key before waiters stop waiting for it. A request the runtime cancelled
   * mid-call never releases its key; past the lease its cached document is dropped (it may be half edited) and the
   * next call goes ahead, so one dead request cannot stall a session in this isolate.
   */
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly leaseMs = 60_000,
  ) {}

  get(key: string, version: number): CachedDocument | null {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return null;
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  set(key: string, entry: CachedDocument): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Weighed now rather than when cached: edits made since then parsed blocks into trees and grew the documents.
    const weights = new Map([...this.entries].map(([k, e]) => [k, e.doc.memoryBytes()]));
    let total = 0;
    for (const w of weights.values()) total += w;
    for (const k of weights.keys()) {
      if (total <= this.maxBytes || k === key) break;
      this.entries.delete(k);
      total -= weights.get(k) ?? 0;
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Runs `work` once no other call for the same key is running. Waiters poll on timers of their own instead of
   * chaining onto the running call's promise: a continuation of another request's promise runs in that request's
   * I/O context, where workerd refuses this request's bindings ("Cannot perform I/O on behalf of a different request").
   */
  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    for (let delay = 1; this.busy.has(key); delay = Math.min(delay * 2, 16)) {
      if (Date.now() - this.busy.get(key)! > this.leaseMs) {
        this.entries.delete(key);
        break;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
    const started = Date.now();
    this.busy.set(key, started); // no await between the check and this line, so no two calls hold the key at once
    try {
      return await work();
    } finally {
      if (this.busy.get(key) === started) this.busy.delete(key);
    }
  }
}
