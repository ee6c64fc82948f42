import { SessionError } from "../../sessions/errors";
import type { BlobBody, SessionManifest, SessionStore } from "../../sessions/ports";
import { collect, memorySource, type ReadCounter } from "./blob-source";

/** Session objects in memory, for fast tests of the sessions layer. */
export class MemorySessionStore implements SessionStore, ReadCounter {
  private readonly manifests = new Map<string, SessionManifest>();
  private readonly baselines = new Map<string, Uint8Array>();
  private readonly objects = new Map<string, Uint8Array>();
  /** Every write, in order, so tests and benchmarks can count bytes and check per-key write rates. */
  readonly writes: { key: string; bytes: number; at: number }[] = [];
  /** Number of reads (a range-read object counts once, when opened), for the benchmark's cold/warm figures. */
  reads = 0;
  /** Bytes handed out by reads, whole or by ranges. */
  bytesRead = 0;
  /** Set by failure-injection tests: called before each write; throwing simulates a crash at that step. */
  beforeWrite: ((key: string) => void) | null = null;
  constructor(private readonly clock: () => number = Date.now) {}

  private recordWrite(key: string, bytes: number) {
    this.beforeWrite?.(key);
    this.writes.push({ key, bytes, at: this.clock() });
  }

  async create(tenantId: string, manifest: SessionManifest, body: BlobBody) {
    const key = `${tenantId}/${manifest.sessionId}`;
    if (this.manifests.has(key)) {
      throw new SessionError({ kind: "conflict", sessionId: manifest.sessionId, message: `Session ${manifest.sessionId} already exists` });
    }
    const baseline = await collect(body);
    this.recordWrite(`${key}/baseline/${manifest.baselineGeneration}`, baseline.length);
    this.baselines.set(`${key}/${manifest.baselineGeneration}`, baseline);
    this.recordWrite(`${key}/head.json`, JSON.stringify(manifest).length);
    this.manifests.set(key, structuredClone(manifest));
  }

  async readManifest(tenantId: string, sessionId: string) {
    this.reads++;
    const manifest = this.manifests.get(`${tenantId}/${sessionId}`);
    return manifest ? structuredClone(manifest) : null;
  }

  async updateManifest(tenantId: string, sessionId: string, change: (manifest: SessionManifest) => SessionManifest) {
    const key = `${tenantId}/${sessionId}`;
    const current = this.manifests.get(key);
    if (!current)
      throw new SessionError({ kind: "conflict", sessionId, message: `The manifest of session ${sessionId} is missing; retry` });
    const next = change(structuredClone(current));
    this.recordWrite(`${key}/head.json`, JSON.stringify(next).length);
    this.manifests.set(key, structuredClone(next));
    return structuredClone(next);
  }

  async openBaseline(tenantId: string, sessionId: string, generation: number) {
    return this.open(this.baselines, `${tenantId}/${sessionId}/${generation}`, `The baseline of session ${sessionId}`);
  }

  async writeBaseline(tenantId: string, sessionId: string, generation: number, body: BlobBody) {
    const key = `${tenantId}/${sessionId}/${generation}`;
    if (this.baselines.has(key)) return;
    const bytes = await collect(body);
    this.recordWrite(`${tenantId}/${sessionId}/baseline/${generation}`, bytes.length);
    this.baselines.set(key, bytes);
  }

  async deleteBaseline(tenantId: string, sessionId: string, generation: number) {
    this.baselines.delete(`${tenantId}/${sessionId}/${generation}`);
  }

  async putObject(tenantId: string, sessionId: string, name: string, body: BlobBody) {
    const key = `${tenantId}/${sessionId}/${name}`;
    if (this.objects.has(key)) return false;
    const bytes = await collect(body);
    if (this.objects.has(key)) return false;
    this.recordWrite(key, bytes.length);
    this.objects.set(key, bytes);
    return true;
  }

  async readObject(tenantId: string, sessionId: string, name: string) {
    this.reads++;
    const bytes = this.objects.get(`${tenantId}/${sessionId}/${name}`);
    if (bytes) this.bytesRead += bytes.length;
    return bytes?.slice() ?? null;
  }

  async openObject(tenantId: string, sessionId: string, name: string) {
    return this.open(this.objects, `${tenantId}/${sessionId}/${name}`, `Object ${name} of session ${sessionId}`);
  }

  private open(map: Map<string, Uint8Array>, key: string, name: string) {
    this.reads++;
    const bytes = map.get(key);
    return bytes ? memorySource(name, bytes, () => map.get(key), this) : null;
  }

  async deleteObjects(tenantId: string, sessionId: string, names: string[]) {
    for (const name of names) this.objects.delete(`${tenantId}/${sessionId}/${name}`);
  }

  async destroy(tenantId: string, sessionId: string) {
    const prefix = `${tenantId}/${sessionId}`;
    this.manifests.delete(prefix);
    for (const map of [this.baselines, this.objects]) {
      for (const key of [...map.keys()]) if (key.startsWith(`${prefix}/`)) map.delete(key);
    }
  }

  /** Number of stored objects, so tests can check that nothing is orphaned. */
  get objectCount(): number {
    return this.manifests.size + this.baselines.size + this.objects.size;
  }
}
