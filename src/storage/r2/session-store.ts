import { SessionError } from "../../sessions/errors";
import type { BlobBody, SessionManifest, SessionStore } from "../../sessions/ports";
import { r2Source, r2Value } from "./blob-source";
import { sessionBaselineKey, sessionHeadKey, sessionObjectKey, sessionPrefix } from "./keys";

/** Session objects on R2. The manifest is created once (create-only put) and then only read. */
export class R2SessionStore implements SessionStore {
  constructor(private readonly bucket: R2Bucket) {}

  async create(tenantId: string, manifest: SessionManifest, baseline: BlobBody) {
    // Baseline first: a manifest that exists always points at a complete baseline.
    await this.bucket.put(sessionBaselineKey(tenantId, manifest.sessionId, manifest.baselineGeneration), r2Value(baseline));
    const created = await this.bucket.put(sessionHeadKey(tenantId, manifest.sessionId), JSON.stringify(manifest), {
      onlyIf: { etagDoesNotMatch: "*" },
      httpMetadata: { contentType: "application/json" },
    });
    if (created === null) {
      throw new SessionError({ kind: "conflict", sessionId: manifest.sessionId, message: `Session ${manifest.sessionId} already exists` });
    }
  }

  async readManifest(tenantId: string, sessionId: string) {
    const object = await this.bucket.get(sessionHeadKey(tenantId, sessionId));
    return object ? ((await object.json()) as SessionManifest) : null;
  }

  async updateManifest(tenantId: string, sessionId: string, change: (manifest: SessionManifest) => SessionManifest) {
    const key = sessionHeadKey(tenantId, sessionId);
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.bucket.get(key);
      if (!current) break;
      const next = change((await current.json()) as SessionManifest);
      // R2 wants the unquoted etag here (the quoted httpEtag throws).
      const written = await this.bucket.put(key, JSON.stringify(next), {
        onlyIf: { etagMatches: current.etag },
        httpMetadata: { contentType: "application/json" },
      });
      if (written) return next;
    }
    throw new SessionError({
      kind: "conflict",
      sessionId,
      message: `The manifest of session ${sessionId} is missing or kept changing; retry`,
    });
  }

  async openBaseline(tenantId: string, sessionId: string, generation: number) {
    return this.openKey(sessionBaselineKey(tenantId, sessionId, generation), `The baseline of session ${sessionId}`);
  }

  async writeBaseline(tenantId: string, sessionId: string, generation: number, body: BlobBody) {
    // A new generation is a new key: baselines are never rewritten in place.
    await this.bucket.put(sessionBaselineKey(tenantId, sessionId, generation), r2Value(body), { onlyIf: { etagDoesNotMatch: "*" } });
  }

  async deleteBaseline(tenantId: string, sessionId: string, generation: number) {
    await this.bucket.delete(sessionBaselineKey(tenantId, sessionId, generation));
  }

  async putObject(tenantId: string, sessionId: string, name: string, body: BlobBody) {
    const created = await this.bucket.put(sessionObjectKey(tenantId, sessionId, name), r2Value(body), {
      onlyIf: { etagDoesNotMatch: "*" },
    });
    return created !== null;
  }

  async openObject(tenantId: string, sessionId: string, name: string) {
    return this.openKey(sessionObjectKey(tenantId, sessionId, name), `Object ${name} of session ${sessionId}`);
  }

  private async openKey(key: string, name: string) {
    const object = await this.bucket.head(key);
    return object ? r2Source(this.bucket, key, object, name) : null;
  }

  async readObject(tenantId: string, sessionId: string, name: string) {
    const object = await this.bucket.get(sessionObjectKey(tenantId, sessionId, name));
    return object ? new Uint8Array(await object.arrayBuffer()) : null;
  }

  async deleteObjects(tenantId: string, sessionId: string, names: string[]) {
    // R2 deletes at most 1,000 keys per call.
    for (let i = 0; i < names.length; i += 1000) {
      await this.bucket.delete(names.slice(i, i + 1000).map((n) => sessionObjectKey(tenantId, sessionId, n)));
    }
  }

  async destroy(tenantId: string, sessionId: string) {
    const prefix = sessionPrefix(tenantId, sessionId);
    let cursor: string | undefined;
    do {
      const page = await this.bucket.list({ prefix, cursor });
      if (page.objects.length > 0) await this.bucket.delete(page.objects.map((o) => o.key));
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
}
