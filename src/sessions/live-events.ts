import { SessionError } from "./errors";
import type { LiveChange } from "./ports";

/**
 * What live listeners subscribe to and receive. A key names one thing that changes: `session:<id>` (a document's
 * position: edits, undo/redo/jump, sync, save, snapshot, close), `sessions` (sessions opened or closed) or
 * `library` (files written or removed). Keys carry no tenant: a listener only ever reaches its own tenant's hub.
 */
export const LIBRARY_KEY = "library";
export const SESSIONS_KEY = "sessions";
const SESSION_PREFIX = "session:";
/** A session id as the sessions layer mints it, with room for older or test ids; never longer than a socket tag allows. */
const SESSION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Most keys one listener may hold: workerd allows ten tags on a hibernatable WebSocket, one per key. */
export const MAX_KEYS_PER_LISTENER = 10;
/** Most subscriptions (keys, summed over listeners) one tenant may hold at once. */
export const MAX_SUBSCRIPTIONS_PER_TENANT = 200;

export const sessionKey = (sessionId: string) => `${SESSION_PREFIX}${sessionId}`;

export type LiveKey = { kind: "library" } | { kind: "sessions" } | { kind: "session"; sessionId: string };

/** Reads a key; a malformed one is refused with what keys look like. */
export function parseLiveKey(key: string): LiveKey {
  if (key === LIBRARY_KEY) return { kind: "library" };
  if (key === SESSIONS_KEY) return { kind: "sessions" };
  const sessionId = key.startsWith(SESSION_PREFIX) ? key.slice(SESSION_PREFIX.length) : "";
  if (SESSION_ID.test(sessionId)) return { kind: "session", sessionId };
  throw new SessionError({
    kind: "invalid_argument",
    field: "keys",
    message: `${JSON.stringify(key)} is not a live key: use "library", "sessions" or "session:<doc_id>".`,
  });
}

/** The keys whose listeners hear of a change. */
export function keysOfChange(change: LiveChange): string[] {
  switch (change.kind) {
    case "library":
      return [LIBRARY_KEY];
    case "opened":
      return [SESSIONS_KEY];
    case "closed":
      return [SESSIONS_KEY, sessionKey(change.sessionId)];
    default:
      return [sessionKey(change.sessionId)];
  }
}

/**
 * What a listener receives: a change under the key it subscribed to, or, after the hub restarted and the listener
 * re-attached, a catch-up for a key that may have moved meanwhile (`position` null: the session is gone).
 */
export type LiveEvent = (LiveChange & { key: string }) | { kind: "catch_up"; key: string; position: number | null; at: string };

/** A listener's stream of events; `positions` are the subscribed documents' positions when it attached. */
export interface LiveStream extends AsyncIterable<LiveEvent> {
  readonly positions: Readonly<Record<string, number | null>>;
  /** Checks the link to the hub (a stream's keep-alive calls it); a broken link is re-attached. */
  ping(): void;
  /** Ends the stream: iteration finishes and the hub forgets the listener. */
  close(): void;
}

/** Checks a listener's keys (at least one, none twice, within the cap), refusing with what is allowed. */
export function checkLiveKeys(keys: string[]): LiveKey[] {
  if (keys.length === 0 || keys.length > MAX_KEYS_PER_LISTENER || new Set(keys).size !== keys.length)
    throw new SessionError({
      kind: "invalid_argument",
      field: "keys",
      message: `A listener subscribes to 1 to ${MAX_KEYS_PER_LISTENER} different keys; got ${keys.length}${new Set(keys).size !== keys.length ? " with repeats" : ""}. Open another listener for more.`,
    });
  return keys.map(parseLiveKey);
}
