import type { BlobBody, ChangeFeed, LibraryStore, WriteCondition } from "./ports";
import { publishChange } from "./publish-change";

/**
 * A library store that announces every file written or removed to the tenant's live listeners, so uploads, saves,
 * exports and deletes reach them through whichever route made them.
 */
export class LiveLibraryStore implements LibraryStore {
  constructor(
    private readonly library: LibraryStore,
    private readonly feed: ChangeFeed,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(tenantId: string, options?: { cursor?: string; limit?: number; prefix?: string }) {
    return this.library.list(tenantId, options);
  }
  head(tenantId: string, name: string) {
    return this.library.head(tenantId, name);
  }
  open(tenantId: string, name: string) {
    return this.library.open(tenantId, name);
  }
  read(tenantId: string, name: string) {
    return this.library.read(tenantId, name);
  }
  source(tenantId: string, name: string) {
    return this.library.source(tenantId, name);
  }
  async write(tenantId: string, name: string, body: BlobBody, contentType?: string) {
    const file = await this.library.write(tenantId, name, body, contentType);
    await this.announce(tenantId, name, "written");
    return file;
  }
  async writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType?: string) {
    const file = await this.library.writeIf(tenantId, name, body, condition, contentType);
    if (file) await this.announce(tenantId, name, "written");
    return file;
  }
  async remove(tenantId: string, name: string) {
    const removed = await this.library.remove(tenantId, name);
    if (removed) await this.announce(tenantId, name, "removed");
    return removed;
  }

  private announce(tenantId: string, name: string, change: "written" | "removed") {
    return publishChange(this.feed, tenantId, { kind: "library", name, change, at: this.now().toISOString() });
  }
}
