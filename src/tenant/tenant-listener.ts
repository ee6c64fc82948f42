import { type LiveEvent, type LiveStream, parseLiveKey, SessionError } from "../sessions/index";
import { tenantStub } from "./durable-session-index";
import { type HubMessage, LIVE_PING, LIVE_PONG } from "./live-hub";
import type { TenantObject } from "./tenant-object";

/** How often, and after what pauses, a listener tries to re-attach after its hub went away (deploy, eviction). */
const REATTACH_DELAYS_MS = [0, 100, 250, 500, 1000, 2000];

/**
 * Opens one listener on a tenant's hub: one WebSocket to the tenant object for this stream alone (workerd does not
 * let one request use another's sockets). Refusals (a malformed or unknown key, too many subscriptions) are
 * SessionErrors. If the object restarts, the listener re-attaches and yields a `catch_up` for each key that may
 * have moved meanwhile: documents whose position differs, and always the `library` and `sessions` lists.
 */
export async function openTenantListener(
  namespace: DurableObjectNamespace<TenantObject>,
  tenantId: string,
  keys: string[],
  signal?: AbortSignal,
): Promise<LiveStream> {
  const listener = new TenantListener(namespace, tenantId, keys);
  await listener.attach(false);
  if (signal?.aborted) listener.close();
  else signal?.addEventListener("abort", () => listener.close(), { once: true });
  return listener;
}

class TenantListener implements LiveStream {
  positions: Record<string, number | null> = {};
  private readonly queue: LiveEvent[] = [];
  private wake: (() => void) | null = null;
  private socket: WebSocket | null = null;
  private ended = false;
  private failure: unknown = null;
  private reattaching = false;

  constructor(
    private readonly namespace: DurableObjectNamespace<TenantObject>,
    private readonly tenantId: string,
    private readonly keys: string[],
  ) {}

  /** Opens the socket and waits for the hub's positions; `resume` accepts sessions that went away meanwhile. */
  async attach(resume: boolean): Promise<Record<string, number | null>> {
    const url = new URL("https://tenant-hub.internal/live");
    for (const key of this.keys) url.searchParams.append("key", key);
    if (resume) url.searchParams.set("resume", "1");
    const response = await tenantStub(this.namespace, this.tenantId).fetch(url, { headers: { upgrade: "websocket" } });
    const ws = response.webSocket;
    if (response.status !== 101 || !ws) {
      const body = (await response.json().catch(() => null)) as { failure?: ConstructorParameters<typeof SessionError>[0] } | null;
      throw body?.failure ? new SessionError(body.failure) : new Error(`The tenant hub answered ${response.status}`);
    }
    ws.accept();
    const positions = await new Promise<Record<string, number | null>>((resolve, reject) => {
      let attached = false;
      ws.addEventListener("message", (e) => {
        if (e.data === LIVE_PONG || typeof e.data !== "string") return;
        const message = JSON.parse(e.data) as HubMessage;
        if (message.type === "attached") {
          attached = true;
          resolve(message.positions);
        } else if (attached) this.deliver(message.event);
      });
      const gone = () => {
        if (!attached) reject(new Error("The tenant hub closed the listener before attaching it"));
        else if (this.socket === ws) void this.reattach();
      };
      ws.addEventListener("close", gone);
      ws.addEventListener("error", gone);
    });
    if (this.ended) ws.close(1000, "listener closed");
    else this.socket = ws;
    if (!resume) this.positions = { ...positions };
    return positions;
  }

  ping(): void {
    if (!this.socket || this.ended) return;
    try {
      this.socket.send(LIVE_PING);
    } catch {
      void this.reattach();
    }
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    const ws = this.socket;
    this.socket = null;
    try {
      ws?.close(1000, "listener closed");
    } catch {
      // already closed
    }
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LiveEvent> {
    try {
      while (true) {
        const next = this.queue.shift();
        if (next) yield next;
        else if (this.failure) throw this.failure;
        else if (this.ended) return;
        else await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.close();
    }
  }

  private deliver(event: LiveEvent) {
    if (event.kind === "closed") this.positions[event.key] = null;
    else if ("position" in event && event.key in this.positions) this.positions[event.key] = event.position;
    this.queue.push(event);
    this.wake?.();
  }

  /** The hub went away: attach again and catch up on what may have moved meanwhile. */
  private async reattach() {
    if (this.reattaching || this.ended) return;
    this.reattaching = true;
    this.socket = null;
    let lastError: unknown = null;
    for (const delay of REATTACH_DELAYS_MS) {
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.ended) break;
      try {
        const now = await this.attach(true);
        const at = new Date().toISOString();
        for (const key of this.keys) {
          const moved = parseLiveKey(key).kind !== "session" || now[key] !== this.positions[key];
          if (moved) this.deliver({ kind: "catch_up", key, position: now[key] ?? null, at });
        }
        this.reattaching = false;
        return;
      } catch (error) {
        lastError = error;
      }
    }
    this.reattaching = false;
    this.failure = lastError ?? new Error("The tenant hub could not be reached");
    this.ended = true;
    this.wake?.();
  }
}
