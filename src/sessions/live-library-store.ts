import { ForwardingLibraryStore } from "./forwarding-library-store";
import type { BlobBody, ChangeFeed, LibraryStore, WriteCondition } from "./ports";
import { publishChange } from "./publish-change";

/**
 * A library store that announces every file written or removed to the tenant's live listeners, so uploads, saves,
 * exports and deletes reach them through whichever route made them.
 */
export class LiveLibraryStore extends ForwardingLibraryStore {
  constructor(
    library: LibraryStore,
    private readonly feed: ChangeFeed,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(library);
  }

  override async write(tenantId: string, name: string, body: BlobBody, contentType?: string) {
    const file = await this.inner.write(tenantId, name, body, contentType);
    await this.announce(tenantId, name, "written");
    return file;
  }
  override async writeIf(tenantId: string, name: string, body: BlobBody, condition: WriteCondition, contentType?: string) {
    const file = await this.inner.writeIf(tenantId, name, body, condition, contentType);
    if (file) await this.announce(tenantId, name, "written");
    return file;
  }
  override async remove(tenantId: string, name: string) {
    const removed = await this.inner.remove(tenantId, name);
    if (removed) await this.announce(tenantId, name, "removed");
    return removed;
  }

  private announce(tenantId: string, name: string, change: "written" | "removed") {
    return publishChange(this.feed, tenantId, { kind: "library", name, change, at: this.now().toISOString() });
  }
}
