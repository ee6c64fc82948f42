import { Hono } from "hono";
import type { Env } from "./env";
import { handleMcpRequest } from "./mcp/index";
import { DocumentSessions } from "./sessions/index";
import { R2LibraryStore } from "./storage/r2/library-store";
import { R2SessionStore } from "./storage/r2/session-store";
import { DurableSessionIndex, tenantStub } from "./tenant/index";

export { TenantObject } from "./tenant/index";

const app = new Hono<{ Bindings: Env }>();
app.get("/health", (c) => c.json({ status: "ok" }));

// TEMPORARY until auth lands: tenant from a header, all scopes.
app.all("/mcp", (c) => {
  const tenantId = c.req.header("x-dev-tenant") ?? "dev";
  const sessions = new DocumentSessions({
    tenantId,
    library: new R2LibraryStore(c.env.DOCS),
    store: new R2SessionStore(c.env.DOCS),
    index: new DurableSessionIndex(tenantStub(c.env.TENANT, tenantId)),
  });
  return handleMcpRequest(c.req.raw, { tenantId, scopes: ["read", "write"], sessions });
});

export default app;
