import { InMemoryServerEventBus, type ServerEventBus } from "@modelcontextprotocol/server";
import { LIBRARY_KEY, type LiveEvent, type LiveStream, MAX_KEYS_PER_LISTENER, SESSIONS_KEY, sessionKey } from "../sessions/index";
import type { ToolContext } from "./context";
import { documentUri, libraryUri, outlineUri, parseResourceUri } from "./resources";
import { toToolFailure } from "./tool-result";

/**
 * `subscriptions/listen` (2026-07-28) for one caller. The SDK writes the stream (acknowledgement, notifications,
 * keep-alives); this decides what the caller may hear and feeds it: the filter's resource URIs are narrowed to the
 * caller's own documents and library before the SDK acknowledges them, and events come from the tenant's hub.
 */
export interface ListenPlan {
  /** The request with the filter narrowed to what is honoured. */
  message: unknown;
  /** Hub keys to listen on; none when nothing the hub carries was asked for. */
  keys: string[];
  /** The resource URIs the caller subscribed to and may hear of. */
  uris: Set<string>;
  listChanged: boolean;
}

type ListenMessage = { id?: unknown; params?: { notifications?: { resourcesListChanged?: unknown; resourceSubscriptions?: unknown } } };

/** Most documents one listen may follow: one hub key each, within the hub's per-listener cap. */
export const MAX_LISTEN_DOCUMENTS = MAX_KEYS_PER_LISTENER - 2;

export class ListenRefusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Decides what a listen request may hear: unknown URIs and other tenants' documents are left out of the acknowledgement. */
export async function planListen(message: ListenMessage, ctx: ToolContext): Promise<ListenPlan> {
  const filter = message.params?.notifications;
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) {
    throw new ListenRefusal(
      -32602,
      'params.notifications must be an object such as {"resourceSubscriptions": ["docx://documents/<doc_id>"], "resourcesListChanged": true}.',
    );
  }
  const requested = Array.isArray(filter?.resourceSubscriptions) ? filter.resourceSubscriptions.filter((u) => typeof u === "string") : [];
  const keys = new Set<string>();
  const uris = new Set<string>();
  const documents = new Set<string>();
  for (const uri of requested) {
    const ref = parseResourceUri(uri);
    if (!ref) continue;
    if (ref.kind === "library") {
      keys.add(LIBRARY_KEY);
      uris.add(uri);
      continue;
    }
    if (!documents.has(ref.docId)) {
      // A document the caller's tenant does not have is simply not honoured.
      if (!(await ctx.sessions.exists(ref.docId))) continue;
      documents.add(ref.docId);
      if (documents.size > MAX_LISTEN_DOCUMENTS) {
        throw new ListenRefusal(
          -32602,
          `One listen may follow at most ${MAX_LISTEN_DOCUMENTS} documents; this one asked for more. Open another listen for the rest.`,
        );
      }
      keys.add(sessionKey(ref.docId));
    }
    uris.add(uri);
  }
  const listChanged = filter?.resourcesListChanged === true;
  if (listChanged) keys.add(LIBRARY_KEY).add(SESSIONS_KEY);
  const narrowed = { ...message, params: { ...message.params, notifications: { ...filter, resourceSubscriptions: [...uris] } } };
  if (uris.size === 0) delete (narrowed.params.notifications as { resourceSubscriptions?: unknown }).resourceSubscriptions;
  return { message: narrowed, keys: [...keys], uris, listChanged };
}

/** Publishes one hub event as the MCP change notifications it means; the SDK sends only what the listener asked for. */
export function publishLiveEvent(bus: ServerEventBus, plan: ListenPlan, event: LiveEvent): void {
  if (event.key.startsWith("session:")) {
    const docId = event.key.slice("session:".length);
    bus.publish({ kind: "resource_updated", uri: documentUri(docId) });
    bus.publish({ kind: "resource_updated", uri: outlineUri(docId) });
    if (event.kind === "closed" && plan.listChanged) bus.publish({ kind: "resources_list_changed" });
    return;
  }
  if (plan.listChanged) bus.publish({ kind: "resources_list_changed" });
  if (event.key !== LIBRARY_KEY) return;
  if (event.kind === "library") bus.publish({ kind: "resource_updated", uri: libraryUri(event.name) });
  // After a hub restart the catch-up cannot say which file changed: every followed file may have.
  else for (const uri of plan.uris) if (uri.startsWith("docx://library/")) bus.publish({ kind: "resource_updated", uri });
}

/**
 * Feeds a listen stream until it ends: hub events become notifications; every `checkEveryMs` (and before each
 * event) the caller's token is checked again, so a revoked token's stream ends at the next event or check.
 */
export function feedListen(
  ctx: ToolContext,
  plan: ListenPlan,
  stream: LiveStream | null,
  checkEveryMs: number,
): { bus: ServerEventBus; wrap: (response: Response) => Response } {
  const bus = new InMemoryServerEventBus();
  let ended = false;
  let end: () => void = () => {};
  const revoked = async () => (ctx.stillAuthorized ? !(await ctx.stillAuthorized().catch(() => false)) : false);
  const timer = setInterval(async () => {
    stream?.ping();
    if (await revoked()) end();
  }, checkEveryMs);
  const finish = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    stream?.close();
  };
  const pump = async () => {
    if (!stream) return;
    try {
      for await (const event of stream) {
        if (await revoked()) return end();
        publishLiveEvent(bus, plan, event);
      }
    } catch (error) {
      console.error("listen stream lost its hub", toToolFailure(error).message);
    }
    end();
  };
  const wrap = (response: Response): Response => {
    if (!response.body || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
      finish();
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        end = () => {
          finish();
          reader.cancel().catch(() => {});
          try {
            controller.close();
          } catch {
            // Already closed by the client.
          }
        };
        void pump();
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          finish();
          controller.close();
        } else controller.enqueue(value);
      },
      cancel(reason) {
        finish();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { bus, wrap };
}
