import type { DocumentSessions } from "../sessions/index";

export type Scope = "read" | "write";

/** Who is calling and the services a tool may use; built per request by the HTTP layer. */
export interface ToolContext {
  tenantId: string;
  scopes: readonly Scope[];
  /** Author of the caller's tracked changes and comments: the account's name. */
  author: string;
  sessions: DocumentSessions;
  /** How often long calls report progress (default PROGRESS_EVERY_MS). */
  progressEveryMs?: number;
}
