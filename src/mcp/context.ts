import type { ToolSet } from "../auth/principal";
import type { DocumentSessions, LiveStream } from "../sessions/index";

export type Scope = "read" | "write";
export type { ToolSet };

/** Who is calling and the services a tool may use; built per request by the HTTP layer. */
export interface ToolContext {
  tenantId: string;
  scopes: readonly Scope[];
  /** Which tools tools/list shows; what the caller may call depends on its scopes alone. */
  toolSet: ToolSet;
  /** Author of the caller's tracked changes and comments: the account's name. */
  author: string;
  sessions: DocumentSessions;
  /** How often long calls report progress (default PROGRESS_EVERY_MS). */
  progressEveryMs?: number;
  /** Opens a listener on the tenant's live hub; absent where there is no hub (listen is then not offered). */
  listen?: (keys: string[], signal?: AbortSignal) => Promise<LiveStream>;
  /** Whether the caller's token still holds, checked again while a listen stream stays open. */
  stillAuthorized?: () => Promise<boolean>;
  /** How often an open listen stream checks its hub link and the token (default LISTEN_CHECK_EVERY_MS). */
  listenCheckEveryMs?: number;
}
