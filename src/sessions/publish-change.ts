import type { ChangeFeed, LiveChange } from "./ports";

/** Tells live listeners of a committed change; a failure to publish is logged, never thrown, as the change stands. */
export async function publishChange(feed: ChangeFeed | undefined, tenantId: string, change: LiveChange): Promise<void> {
  if (!feed) return;
  try {
    await feed.publish(tenantId, change);
  } catch (error) {
    console.warn("live change not published", change.kind, error);
  }
}
