import type { ServerContext } from "@modelcontextprotocol/server";

/** How often a long call says it is still working; Claude Code gives up on a call silent for 5 minutes. */
export const PROGRESS_EVERY_MS = 1000;

/**
 * Runs a tool call, sending `notifications/progress` about once a period while it runs when the client asked for
 * progress (a progressToken in `_meta`), in either protocol era. Fast calls finish before the first one and send none.
 */
export async function withProgress<T>(mcpReq: ServerContext["mcpReq"], tool: string, everyMs: number, work: () => Promise<T>): Promise<T> {
  const progressToken = mcpReq._meta?.progressToken;
  if (progressToken === undefined) return work();
  const started = Date.now();
  let progress = 0;
  const timer = setInterval(() => {
    progress += 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const notification = {
      method: "notifications/progress",
      params: { progressToken, progress, message: `${tool}: still working after ${seconds} s` },
    };
    // A client that went away cancels the call anyway; a failed notification must not fail the work.
    mcpReq.notify(notification).catch(() => {});
  }, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
