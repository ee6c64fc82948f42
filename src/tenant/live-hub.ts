import {
  checkLiveKeys,
  isSessionError,
  keysOfChange,
  type LiveChange,
  type LiveEvent,
  MAX_SUBSCRIPTIONS_PER_TENANT,
  SessionError,
  sessionNotFound,
} from "../sessions/index";

/** A listener's keep-alive and the runtime's answer to it (the object stays asleep). */
export const LIVE_PING = "ping";
export const LIVE_PONG = "pong";

/** What the hub sends a listener's socket: first its positions, then every change under its keys. */
export type HubMessage = { type: "attached"; positions: Record<string, number | null> } | { type: "event"; event: LiveEvent };

/** The socket-holding part of the Durable Object state the hub needs (hibernation API). */
export type HubSockets = Pick<DurableObjectState, "acceptWebSocket" | "getWebSockets" | "getTags">;

/** Where a refusal of an attach travels: the failure as data, so the Worker raises the same SessionError. */
const REFUSAL_STATUS: Record<string, number> = { invalid_argument: 400, session_not_found: 404, quota_exceeded: 429 };

/**
 * The tenant's live hub, inside its Durable Object. Listeners attach over WebSockets accepted with the hibernation
 * API, tagged with their keys; a change is sent to the sockets tagged with its keys. The hub keeps no state of its
 * own and sets no timer or alarm, so an idle object hibernates with its sockets open.
 */
export class LiveHub {
  constructor(private readonly sockets: HubSockets) {}

  /**
   * Accepts a listener (`?key=…` repeated). A first attach (`strict`) refuses keys naming sessions the tenant does
   * not have; a re-attach after a restart accepts them and reports them gone (position null).
   */
  attach(request: Request, positionOf: (sessionId: string) => number | null): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
      return new Response("The tenant hub only accepts WebSocket upgrades.", { status: 426, headers: { upgrade: "websocket" } });
    try {
      const url = new URL(request.url);
      const keys = url.searchParams.getAll("key");
      const parsed = checkLiveKeys(keys);
      const positions: Record<string, number | null> = {};
      parsed.forEach((key, i) => {
        if (key.kind !== "session") return;
        positions[keys[i]] = positionOf(key.sessionId);
        if (positions[keys[i]] === null && url.searchParams.get("resume") !== "1") throw sessionNotFound(key.sessionId);
      });
      const held = this.sockets.getWebSockets().reduce((n, ws) => n + this.sockets.getTags(ws).length, 0);
      if (held + keys.length > MAX_SUBSCRIPTIONS_PER_TENANT)
        throw new SessionError({
          kind: "quota_exceeded",
          quota: "live_subscriptions",
          limit: MAX_SUBSCRIPTIONS_PER_TENANT,
          message: `Your account holds ${held} live subscriptions; ${keys.length} more would pass the limit of ${MAX_SUBSCRIPTIONS_PER_TENANT}. Close some listeners (streams or dashboard tabs) and try again.`,
        });
      const { 0: client, 1: server } = new WebSocketPair();
      this.sockets.acceptWebSocket(server, keys);
      send(server, { type: "attached", positions });
      return new Response(null, { status: 101, webSocket: client });
    } catch (error) {
      if (!isSessionError(error)) throw error;
      return Response.json({ failure: error.failure }, { status: REFUSAL_STATUS[error.kind] ?? 400 });
    }
  }

  /** Sends a change to every socket tagged with one of its keys (a socket under two of them hears it twice, once per key). */
  publish(change: LiveChange): void {
    for (const key of keysOfChange(change)) {
      for (const ws of this.sockets.getWebSockets(key)) send(ws, { type: "event", event: { ...change, key } });
    }
  }
}

/** A socket that closed meanwhile is skipped: its listener re-attaches or has gone. */
function send(ws: WebSocket, message: HubMessage): void {
  try {
    ws.send(JSON.stringify(message));
  } catch (error) {
    console.warn("live event not delivered", error);
  }
}
