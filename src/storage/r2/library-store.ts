import type { BlobBody, LibraryFileInfo, LibraryStore, WriteCondition } from "../../sessions/ports";
import { r2Source, r2Value } from "./blob-source";
import { libraryKey, libraryPrefix } from "./keys";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function toInfo(tenantId: string, object: R2Object): LibraryFileInfo {
  return {
    name: object.key.slice(libraryPrefix(tenantId).length),
    size: object.size,
    uploadedAt: object.uploaded.toISOString(),
    etag: object.etag,
    contentType: object.httpMetadata?.contentType ?? DOCX_TYPE,
  };
}

/** The tenant library on R2: one object per file under the tenant's `lib/` prefix. */
export class R2LibraryStore implements LibraryStore {
  constructor(private readonly bucket: R2Bucket) {}

  async list(tenantId: string, options: { cursor?: string; limit?: number; prefix?: string } = {}) {
    const listed = await this.bucket.list({
      prefix: libraryPrefix(tenantId) + (options.prefix ?? ""),
      cursor: options.cursor,
      limit: Math.min(Math.max(options.limit ?? 100, 1), 1000),
      include: ["httpMetadata"], // without it R2 lists no content type, and every file would look like a .docx
    });
    return {
      files: listed.objects.map((o) => toInfo(tenantId, o)),
      cursor: listed.truncated ? listed.cursor : undefined,
    };
  }

  async head(tenantId: string, name: string) {
    const object = await this.bucket.head(libraryKey(tenantId, name));
    return object ? toInfo(tenantId, object) : null;
  }

  async open(tenantId: string, name: string) {
    const object = await this.bucket.get(libraryKey(tenantId, name));
    return object ? { info: toInfo(tenantId, object), body: object.body } : null;
  }

  async read(tenantId: string, name: string) {
    const object = await this.bucket.get(libraryKey(tenantId, name));
    return object ? new Uint8Array(await object.arrayBuffer()) : null;
  }

  async source(tenantId: string, name: string) {
    const key = libraryKey(tenantId, name);
    const object = await this.bucket.head(key);
    return object ? { info: toInfo(tenantId, object), source: r2Source(this.bucket, key, object, name) } : null;
  }

  async write(tenantId: string, name: string, body: BlobBody, contentType = DOCX_TYPE) {
    const object = await this.bucket.put(libraryKey(tenantId, name), r2Value(body), { httpMetadata: { contentType } });
    return toInfo(tenantId, object!);
  }

  async writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType = DOCX_TYPE) {
    // R2 checks the condition and writes as one step; the unquoted etag is what it compares (see LAYOUT.md).
    const onlyIf = "absent" in condition ? { etagDoesNotMatch: "*" } : { etagMatches: condition.etagMatches };
    const object = await this.bucket.put(libraryKey(tenantId, name), r2Value(body), { onlyIf, httpMetadata: { contentType } });
    return object ? toInfo(tenantId, object) : null;
  }

  async remove(tenantId: string, name: string) {
    const key = libraryKey(tenantId, name);
    if (!(await this.bucket.head(key))) return false;
    await this.bucket.delete(key);
    return true;
  }
}
