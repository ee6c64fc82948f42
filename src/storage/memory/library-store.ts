import type { BlobBody, LibraryFileInfo, LibraryStore, WriteCondition } from "../../sessions/ports";
import { collect, memorySource, type ReadCounter } from "./blob-source";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The library in memory, for fast tests of the sessions layer. */
export class MemoryLibraryStore implements LibraryStore, ReadCounter {
  private readonly files = new Map<string, { info: LibraryFileInfo; bytes: Uint8Array }>();
  private version = 0;
  /** Bytes handed out by range reads (`source`). */
  bytesRead = 0;

  private key(tenantId: string, name: string) {
    return `${tenantId}\u0000${name}`;
  }

  async list(tenantId: string, options: { cursor?: string; limit?: number; prefix?: string } = {}) {
    const names = [...this.files.entries()]
      .filter(([k]) => k.startsWith(`${tenantId}\u0000${options.prefix ?? ""}`))
      .map(([, v]) => v.info)
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = options.cursor ? Number(options.cursor) : 0;
    const limit = options.limit ?? 100;
    const files = names.slice(start, start + limit);
    return { files, cursor: start + limit < names.length ? String(start + limit) : undefined };
  }

  async head(tenantId: string, name: string) {
    return this.files.get(this.key(tenantId, name))?.info ?? null;
  }

  async open(tenantId: string, name: string) {
    const file = this.files.get(this.key(tenantId, name));
    if (!file) return null;
    const bytes = file.bytes;
    return { info: file.info, body: new Response(bytes.slice()).body! };
  }

  async read(tenantId: string, name: string) {
    return this.files.get(this.key(tenantId, name))?.bytes.slice() ?? null;
  }

  async source(tenantId: string, name: string) {
    const key = this.key(tenantId, name);
    const file = this.files.get(key);
    if (!file) return null;
    return { info: file.info, source: memorySource(name, file.bytes, () => this.files.get(key)?.bytes, this) };
  }

  async write(tenantId: string, name: string, body: BlobBody, contentType = DOCX_TYPE) {
    const bytes = await collect(body);
    const info: LibraryFileInfo = {
      name,
      size: bytes.length,
      uploadedAt: new Date().toISOString(),
      etag: `m${++this.version}`,
      contentType,
    };
    this.files.set(this.key(tenantId, name), { info, bytes });
    return info;
  }

  async writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType = DOCX_TYPE) {
    const bytes = await collect(body);
    const current = this.files.get(this.key(tenantId, name))?.info;
    const holds = "absent" in condition ? current === undefined : current?.etag === condition.etagMatches;
    return holds ? this.write(tenantId, name, bytes, contentType) : null;
  }

  async remove(tenantId: string, name: string) {
    return this.files.delete(this.key(tenantId, name));
  }
}
