import type { BlobBody, UploadStaging } from "../../sessions/ports";
import { r2Source, r2Value } from "./blob-source";
import { stagingKey, stagingPrefix } from "./keys";

/** Uploads being checked, on R2 under `t/{tenant}/staging/`: one create-only object per upload. */
export class R2UploadStaging implements UploadStaging {
  constructor(private readonly bucket: R2Bucket) {}

  async put(tenantId: string, body: BlobBody) {
    const id = crypto.randomUUID();
    const created = await this.bucket.put(stagingKey(tenantId, id), r2Value(body), { onlyIf: { etagDoesNotMatch: "*" } });
    if (!created) throw new Error(`Staging object ${id} already exists.`); // a random UUID: never in practice
    return id;
  }

  async source(tenantId: string, id: string) {
    const key = stagingKey(tenantId, id);
    const object = await this.bucket.head(key);
    return object ? r2Source(this.bucket, key, object, "The upload") : null;
  }

  async remove(tenantId: string, id: string) {
    await this.bucket.delete(stagingKey(tenantId, id));
  }

  async sweep(tenantId: string, before: Date) {
    let swept = 0;
    let cursor: string | undefined;
    do {
      const page = await this.bucket.list({ prefix: stagingPrefix(tenantId), cursor });
      const stale = page.objects.filter((o) => o.uploaded < before).map((o) => o.key);
      if (stale.length > 0) await this.bucket.delete(stale);
      swept += stale.length;
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
    return swept;
  }
}
