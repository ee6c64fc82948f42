import type { BlobBody, UploadStaging } from "../../sessions/ports";
import { collect, memorySource, type ReadCounter } from "./blob-source";

/** Uploads being checked, in memory: the same create-only objects, range reads and sweep as on R2. */
export class MemoryUploadStaging implements UploadStaging, ReadCounter {
  private readonly objects = new Map<string, { bytes: Uint8Array; at: Date }>();
  /** Bytes handed out by range reads. */
  bytesRead = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  private key(tenantId: string, id: string) {
    return `${tenantId}\u0000${id}`;
  }

  /** Ids of the tenant's staging objects, so tests can see that none is left behind. */
  ids(tenantId: string): string[] {
    return [...this.objects.keys()].filter((k) => k.startsWith(`${tenantId}\u0000`)).map((k) => k.slice(tenantId.length + 1));
  }

  async put(tenantId: string, body: BlobBody) {
    const bytes = await collect(body);
    const id = crypto.randomUUID();
    this.objects.set(this.key(tenantId, id), { bytes, at: this.now() });
    return id;
  }

  async source(tenantId: string, id: string) {
    const key = this.key(tenantId, id);
    const object = this.objects.get(key);
    return object ? memorySource("The upload", object.bytes, () => this.objects.get(key)?.bytes, this) : null;
  }

  async remove(tenantId: string, id: string) {
    this.objects.delete(this.key(tenantId, id));
  }

  async sweep(tenantId: string, before: Date) {
    let swept = 0;
    for (const id of this.ids(tenantId)) {
      if (this.objects.get(this.key(tenantId, id))!.at < before) {
        this.objects.delete(this.key(tenantId, id));
        swept++;
      }
    }
    return swept;
  }
}
