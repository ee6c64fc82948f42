import { SessionError } from "../../sessions/errors";
import type { SessionManifest, SessionStore } from "../../sessions/ports";

/** Session objects in memory, for fast tests of the sessions layer. */
export class MemorySessionStore implements SessionStore {
  private readonly manifests = new Map<string, SessionManifest>();
  private readonly baselines = new Map<string, Uint8Array>();

  async create(tenantId: string, manifest: SessionManifest, baseline: Uint8Array) {
    const key = `${tenantId}/${manifest.sessionId}`;
    if (this.manifests.has(key)) {
      throw new SessionError({ kind: "conflict", sessionId: manifest.sessionId, message: `Session ${manifest.sessionId} already exists` });
    }
    this.baselines.set(`${key}/${manifest.baselineGeneration}`, baseline.slice());
    this.manifests.set(key, structuredClone(manifest));
  }

  async readManifest(tenantId: string, sessionId: string) {
    const manifest = this.manifests.get(`${tenantId}/${sessionId}`);
    return manifest ? structuredClone(manifest) : null;
  }

  async readBaseline(tenantId: string, sessionId: string, generation: number) {
    return this.baselines.get(`${tenantId}/${sessionId}/${generation}`)?.slice() ?? null;
  }

  async destroy(tenantId: string, sessionId: string) {
    const prefix = `${tenantId}/${sessionId}`;
    this.manifests.delete(prefix);
    for (const key of [...this.baselines.keys()]) if (key.startsWith(`${prefix}/`)) this.baselines.delete(key);
  }

  /** Number of stored objects, so tests can check that nothing is orphaned. */
  get objectCount(): number {
    return this.manifests.size + this.baselines.size;
  }
}
