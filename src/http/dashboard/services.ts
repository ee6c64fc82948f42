import type { Context } from "hono";
import type { Accounts, AttemptLimiter, AuthDatabase, ClientDocumentPolicy, Principal, SignedInViewer, ToolSet } from "../../auth";
import type { DocumentSessions, LibraryStore, LiveStream } from "../../sessions/index";
import type { AppEnv } from "../app-env";

/** What browser-facing routes need, built per request by src/index.ts (the one place that reads env). */
export interface WebServices {
  accounts: Accounts;
  /** Sign-in attempts per account (better-auth limits them per address). */
  signInPerAccount: AttemptLimiter;
  /** Keys the CSRF tokens; the same secret that signs session cookies. */
  secret: string;
  db: AuthDatabase;
  /** How client ID metadata documents are fetched for /oauth/authorize. */
  clientDocuments: ClientDocumentPolicy;
  library: LibraryStore;
  sessionsFor(tenantId: string): DocumentSessions;
  /** Opens a live stream of the tenant's changes under `keys` (refused with a SessionError); ends on `signal`. */
  listen(tenantId: string, keys: string[], signal: AbortSignal): Promise<LiveStream>;
  /** Each tool set's tools/list for a write token: tools listed and characters of JSON, shown where a set is chosen. */
  toolSetSizes(): Record<ToolSet, { tools: number; chars: number }>;
}

/** `background` keeps work alive after the response (the Worker's waitUntil). */
export type WebServicesFactory = (env: AppEnv["Bindings"], origin: string, background: (work: Promise<unknown>) => void) => WebServices;

/** Hono environment of dashboard and consent pages. */
export type WebEnv = {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & { services: WebServices; viewer: SignedInViewer; csrfToken: string; cspNonce: string };
};

export type WebContext = Context<WebEnv>;
export type { Principal };
