import type { Context } from "hono";
import type { AuthDatabase, Principal } from "../../auth";
import type { Accounts } from "../../auth/accounts";
import type { SignedInViewer } from "../../auth/account-actions";
import type { DocumentSessions, LibraryStore } from "../../sessions/index";
import type { AppEnv } from "../app-env";

/** What browser-facing routes need, built per request by src/index.ts (the one place that reads env). */
export interface WebServices {
  accounts: Accounts;
  /** Keys the CSRF tokens; the same secret that signs session cookies. */
  secret: string;
  db: AuthDatabase;
  library: LibraryStore;
  sessionsFor(tenantId: string): DocumentSessions;
}

export type WebServicesFactory = (env: AppEnv["Bindings"], origin: string) => WebServices;

/** Hono environment of dashboard and consent pages. */
export type WebEnv = {
  Bindings: AppEnv["Bindings"];
  Variables: AppEnv["Variables"] & { services: WebServices; viewer: SignedInViewer; csrfToken: string; cspNonce: string };
};

export type WebContext = Context<WebEnv>;
export type { Principal };
