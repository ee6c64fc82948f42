import { Hono } from "hono";
import { AuthConfigError, authDatabase, authorName, authSecretFor, bearerAuth, bearerStillValid, createAccounts } from "./auth/index";
import type { Env } from "./env";
import { dashboardRoutes, type WebServices } from "./http/dashboard/index";
import {
  type AppEnv,
  BODY_LIMITS,
  fileRoutes,
  healthRoutes,
  httpErrorResponse,
  mcpOriginGuard,
  mcpResourceUrl,
  oauthEndpoints,
  parseAllowedOrigins,
  publicOriginOf,
  readTextCapped,
  tenantRateLimit,
  wellKnownRoutes,
} from "./http/index";
import { handleMcpRequest, toolSetSizes } from "./mcp/index";
import type { ChangeFeed, LibraryStore, SessionIndex } from "./sessions/index";
import { DocumentCache, DocumentSessions, LibraryQuota, LiveLibraryStore, libraryQuotaBytes } from "./sessions/index";
import { R2LibraryStore } from "./storage/r2/library-store";
import { R2SessionStore } from "./storage/r2/session-store";
import { R2UploadStaging } from "./storage/r2/upload-staging";
import { DurableSessionIndex, openTenantListener, TenantChangeFeed, TenantObject as TenantObjectBase, tenantStub } from "./tenant/index";

/** The tenant library on R2, within the configured quota (every writer goes through this). */
function libraryFor(env: Env): LibraryStore {
  return new LibraryQuota(new R2LibraryStore(env.DOCS), libraryQuotaBytes(env.LIBRARY_QUOTA_BYTES));
}

/** The tenant object with the storage its alarm saves and expires sessions through. */
export class TenantObject extends TenantObjectBase {
  protected override sessionsFor(tenantId: string, index: SessionIndex, feed: ChangeFeed): DocumentSessions {
    const library = new LiveLibraryStore(libraryFor(this.env), feed);
    return new DocumentSessions({ tenantId, library, store: new R2SessionStore(this.env.DOCS), index, feed });
  }
}

/** The library on R2 within its quota, announcing every file written or removed to the tenant's live listeners. */
const liveLibrary = (env: Env): LibraryStore => new LiveLibraryStore(libraryFor(env), new TenantChangeFeed(env.TENANT));

/** Documents this isolate has open, reused across requests while their session version is unchanged. */
const documentCache = new DocumentCache();

/** The one place that picks implementations: R2 for blobs, the tenant Durable Object for the index. */
function sessionsFor(env: Env, tenantId: string, background: (work: Promise<unknown>) => void): DocumentSessions {
  return new DocumentSessions({
    tenantId,
    library: liveLibrary(env),
    store: new R2SessionStore(env.DOCS),
    index: new DurableSessionIndex(tenantStub(env.TENANT, tenantId)),
    cache: documentCache,
    background,
    feed: new TenantChangeFeed(env.TENANT),
  });
}

/** Accounts, token store and library for browser pages, for the origin the request arrived on. */
function webServicesFor(env: Env, origin: string, background: (work: Promise<unknown>) => void): WebServices {
  const secret = authSecretFor(env.BETTER_AUTH_SECRET, origin);
  return {
    accounts: createAccounts(env.DB, { origin, secret }),
    signInPerAccount: env.SIGN_IN_ACCOUNT_LIMIT,
    secret,
    db: authDatabase(env.DB),
    clientDocuments: { fetch: (input, init) => fetch(input, init), allowLoopback: env.CIMD_ALLOW_LOOPBACK === "true" },
    library: liveLibrary(env),
    sessionsFor: (tenantId) => sessionsFor(env, tenantId, background),
    listen: (tenantId, keys, signal) => openTenantListener(env.TENANT, tenantId, keys, signal),
    toolSetSizes,
  };
}

const app = new Hono<AppEnv>();
app.onError(httpErrorResponse);
app.notFound((c) => c.json({ error: "not_found", message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

app.route("/", wellKnownRoutes);
app.route("/health", healthRoutes);

app.use("/api/*", bearerAuth(), tenantRateLimit());
app.use("/api/*", async (c, next) => {
  c.set("library", liveLibrary(c.env));
  c.set("staging", new R2UploadStaging(c.env.DOCS));
  await next();
});
app.route("/api/files", fileRoutes);

app.route("/oauth", oauthEndpoints);

// Browser origins are checked (and preflights answered) before authentication: a preflight carries no token.
app.use(
  "/mcp",
  mcpOriginGuard((c) => {
    const allowed = parseAllowedOrigins(c.env.MCP_ALLOWED_ORIGINS);
    try {
      const own = publicOriginOf(c);
      return { own: own.origin, allowed, development: !own.configured };
    } catch (error) {
      // Unconfigured and reached under a public Host (DNS rebinding looks like this): no origin of ours to allow.
      if (error instanceof AuthConfigError) return { own: null, allowed, development: c.env.ENVIRONMENT === "development" };
      throw error;
    }
  }),
);
// /mcp takes personal access tokens and OAuth access tokens issued for exactly this URL (RFC 8707).
const mcpBearer = { oauthResource: (c: Parameters<typeof publicOriginOf>[0]) => mcpResourceUrl(publicOriginOf(c).origin) };
app.use("/mcp", bearerAuth(mcpBearer));
app.use("/mcp", tenantRateLimit());
app.all("/mcp", async (c) => {
  // The body's one read, capped by the bytes received whatever the headers say; the handler parses this text.
  const body = c.req.raw.body ? await readTextCapped(c.req.raw, BODY_LIMITS.mcp) : undefined;
  const { tenantId, scopes, toolSet, userName } = c.var.principal;
  const background = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);
  let sessions: DocumentSessions | undefined;
  return handleMcpRequest(
    c.req.raw,
    {
      tenantId,
      scopes,
      toolSet,
      author: authorName(userName),
      // Built on first use: discovery and tools/list never touch the tenant's sessions.
      get sessions() {
        sessions ??= sessionsFor(c.env, tenantId, background);
        return sessions;
      },
      listen: (keys, signal) => openTenantListener(c.env.TENANT, tenantId, keys, signal),
      stillAuthorized: bearerStillValid(c, mcpBearer),
    },
    body,
  );
});

app.route("/", dashboardRoutes(webServicesFor));

export default app;
