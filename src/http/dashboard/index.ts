import { Hono } from "hono";
import { currentViewer } from "../../auth";
import { BODY_LIMITS, bodyLimit } from "../body-limit";
import { accountPages } from "./account-pages";
import { appPages } from "./app-pages";
import { consentPage } from "./consent-page";
import { csrfProtection } from "./csrf";
import { documentPages } from "./document-pages";
import { documentView } from "./document-view";
import { liveStream } from "./live-stream";
import type { WebEnv, WebServicesFactory } from "./services";
import { sessionPages } from "./session-pages";
import { tokenPages } from "./token-pages";
import { requireViewer } from "./viewer";

export type { WebServices, WebServicesFactory } from "./services";

/** Paths served as browser pages. Middleware is bound to these only, never to /mcp or /api. */
const PAGE_PATHS = ["/", "/signin", "/signup", "/signout", "/dashboard", "/dashboard/*", "/oauth/authorize"];
/** The one form that carries a file; every other form is a few fields. */
const UPLOAD_PATH = "/dashboard/documents/upload";

/** The dashboard and account pages: server-rendered HTML, session cookies, CSRF on every form. */
export function dashboardRoutes(servicesFor: WebServicesFactory): Hono<WebEnv> {
  const web = new Hono<WebEnv>();
  for (const path of PAGE_PATHS) {
    web.use(path, async (c, next) => {
      c.set(
        "services",
        servicesFor(c.env, new URL(c.req.url).origin, (work) => c.executionCtx.waitUntil(work)),
      );
      c.set("cspNonce", crypto.randomUUID().replace(/-/g, ""));
      await next();
    });
    // Forms are parsed in memory (the CSRF check reads them first), so the bytes received are capped before that.
    web.use(
      path,
      bodyLimit((c) => (c.req.path === UPLOAD_PATH ? BODY_LIMITS.formUpload : BODY_LIMITS.form)),
    );
    web.use(path, csrfProtection());
  }
  web.get("/", async (c) =>
    c.redirect((await currentViewer(c.var.services.accounts, c.req.raw.headers)) ? "/dashboard/tokens" : "/signin", 303),
  );
  web.route("/", accountPages);
  web.use("/dashboard", requireViewer());
  web.use("/dashboard/*", requireViewer());
  web.get("/dashboard", (c) => c.redirect("/dashboard/tokens", 303));
  web.route("/dashboard/tokens", tokenPages);
  web.route("/dashboard/apps", appPages);
  web.route("/dashboard/documents", documentPages);
  web.route("/dashboard/sessions", documentView);
  web.route("/dashboard/sessions", liveStream);
  web.route("/dashboard/sessions", sessionPages);
  web.route("/oauth/authorize", consentPage);
  return web;
}
