import { Hono } from "hono";
import { type BearerAuthOptions, bearerAuth } from "../../src/auth";
import { type AppEnv, fileRoutes, healthRoutes, httpErrorResponse, wellKnownRoutes } from "../../src/http";
import { R2UploadStaging } from "../../src/storage/r2/upload-staging";

/** The REST surface wired the way src/index.ts wires it, with an injectable clock for auth. */
export function restApp(options: BearerAuthOptions = {}) {
  const app = new Hono<AppEnv>();
  app.onError(httpErrorResponse);
  app.route("/", wellKnownRoutes);
  app.route("/health", healthRoutes);
  app.use("/api/*", bearerAuth(options), async (c, next) => {
    c.set("staging", new R2UploadStaging(c.env.DOCS));
    await next();
  });
  app.route("/api/files", fileRoutes);
  app.use("/mcp", bearerAuth(options));
  app.post("/mcp", (c) => c.json({ tenantId: c.var.principal.tenantId }));
  return app;
}
