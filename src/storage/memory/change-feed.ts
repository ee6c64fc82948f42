import type { ChangeFeed, LiveChange } from "../../sessions/ports";

/** The live change feed in memory: keeps what was published, per tenant, in order, for tests of the sessions layer. */
export class MemoryChangeFeed implements ChangeFeed {
  private readonly published: { tenantId: string; change: LiveChange }[] = [];

  async publish(tenantId: string, change: LiveChange): Promise<void> {
    this.published.push({ tenantId, change });
  }

  /** What the tenant's listeners heard, oldest first. */
  changesOf(tenantId: string): LiveChange[] {
    return this.published.filter((p) => p.tenantId === tenantId).map((p) => p.change);
  }
}
