import type { BlobBody, LibraryStore, WriteCondition } from "./ports";

/**
 * A library store that passes every call to the one it wraps: the base of the stores that add one concern (the quota,
 * live announcements) and override only the calls that concern touches, so a new port method is forwarded once.
 */
export class ForwardingLibraryStore implements LibraryStore {
  constructor(protected readonly inner: LibraryStore) {}

  list(tenantId: string, options?: { cursor?: string; limit?: number; prefix?: string }) {
    return this.inner.list(tenantId, options);
  }
  head(tenantId: string, name: string) {
    return this.inner.head(tenantId, name);
  }
  open(tenantId: string, name: string) {
    return this.inner.open(tenantId, name);
  }
  read(tenantId: string, name: string) {
    return this.inner.read(tenantId, name);
  }
  source(tenantId: string, name: string) {
    return this.inner.source(tenantId, name);
  }
  write(tenantId: string, name: string, body: BlobBody, contentType?: string) {
    return this.inner.write(tenantId, name, body, contentType);
  }
  writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType?: string) {
    return this.inner.writeIf(tenantId, name, body, condition, contentType);
  }
  remove(tenantId: string, name: string) {
    return this.inner.remove(tenantId, name);
  }
}
