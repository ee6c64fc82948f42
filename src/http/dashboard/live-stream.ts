import { Hono } from "hono";
import { currentViewer } from "../../auth";
import { sessionKey } from "../../sessions/index";
import type { WebEnv } from "./services";

/** How often an idle stream sends a comment line (and checks its link to the tenant hub). */
const KEEPALIVE_MS = 15_000;

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * GET /dashboard/sessions/:id/live: a server-sent event stream of one session's changes for its page, fed by the
 * tenant's live hub and authenticated by the dashboard sign-in like every page. First `ready` (the position now),
 * then a `change` per event; an unknown session is refused before the stream starts. The sign-in is checked again
 * before each event and at each keep-alive: signing out (or the sign-in expiring) ends the stream there.
 */
export const liveStream = new Hono<WebEnv>();

liveStream.get("/:id/live", async (c) => {
  const key = sessionKey(c.req.param("id"));
  const { tenantId, sessionId } = c.var.viewer;
  const { accounts } = c.var.services;
  const headers = c.req.raw.headers;
  const signedIn = async () => (await currentViewer(accounts, headers).catch(() => null))?.sessionId === sessionId;
  const abort = new AbortController();
  const stream = await c.var.services.listen(tenantId, [key], abort.signal);
  let keepalive: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(frame("ready", { position: stream.positions[key] ?? null }));
      keepalive = setInterval(async () => {
        if (!(await signedIn())) return stream.close();
        stream.ping();
        try {
          controller.enqueue(encoder.encode(": keepalive\n\n"));
        } catch {
          // the stream ended while the sign-in was checked
        }
      }, KEEPALIVE_MS);
      // Pumped apart from start(), so the response begins at once.
      void (async () => {
        try {
          for await (const event of stream) {
            if (!(await signedIn())) break;
            controller.enqueue(frame("change", event));
          }
          controller.close();
        } catch (error) {
          controller.error(error);
        } finally {
          clearInterval(keepalive);
        }
      })();
    },
    cancel() {
      // The page went away: leave the hub.
      clearInterval(keepalive);
      abort.abort();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" },
  });
});
