import { Hono } from "hono";
import { bearerAuth } from "./auth/index";
import type { Env } from "./env";
import { fileRoutes, healthRoutes, httpErrorResponse, wellKnownRoutes, type AppEnv } from "./http/index";
import { handleMcpRequest } from "./mcp/index";
import { DocumentCache, DocumentSessions } from "./sessions/index";
import { R2LibraryStore } from "./storage/r2/library-store";
import { R2SessionStore } from "./storage/r2/session-store";
import { DurableSessionIndex, tenantStub } from "./tenant/index";

export { TenantObject } from "./tenant/index";

/** Documents this isolate has open, reused across requests while their session version is unchanged. */
const documentCache = new DocumentCache();

/** The one place that picks implementations: R2 for blobs, the tenant Durable Object for the index. */
function sessionsFor(env: Env, tenantId: string, background: (work: Promise<unknown>) => void): DocumentSessions {
  return new DocumentSessions({
    tenantId,
    library: new R2LibraryStore(env.DOCS),
    store: new R2SessionStore(env.DOCS),
    index: new DurableSessionIndex(tenantStub(env.TENANT, tenantId)),
    cache: documentCache,
    background,
  });
}

const app = new Hono<AppEnv>();
app.onError(httpErrorResponse);
app.notFound((c) => c.json({ error: "not_found", message: `No route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404));

app.route("/", wellKnownRoutes);
app.route("/health", healthRoutes);

app.use("/api/*", bearerAuth());
app.route("/api/files", fileRoutes);

app.use("/mcp", bearerAuth());
app.all("/mcp", (c) => {
  const { tenantId, scopes } = c.var.principal;
  const background = (work: Promise<unknown>) => c.executionCtx.waitUntil(work);
  return handleMcpRequest(c.req.raw, { tenantId, scopes, sessions: sessionsFor(c.env, tenantId, background) });
});

export default app;
