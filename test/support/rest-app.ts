import { Hono } from "hono";
import { type BearerAuthOptions, bearerAuth } from "../../src/auth";
import { type AppEnv, fileRoutes, healthRoutes, httpErrorResponse, wellKnownRoutes } from "../../src/http";

/** The REST surface wired the way src/index.ts wires it, with an injectable clock for auth. */
export function restApp(options: BearerAuthOptions = {}) {
  const app = new Hono<AppEnv>();
  app.onError(httpErrorResponse);
  app.route("/", wellKnownRoutes);
  app.route("/health", healthRoutes);
  app.use("/api/*", bearerAuth(options));
  app.route("/api/files", fileRoutes);
  app.use("/mcp", bearerAuth(options));
  app.post("/mcp", (c) => c.json({ tenantId: c.var.principal.tenantId }));
  return app;
}
