import type { MiddlewareHandler } from "hono";
import { currentViewer } from "../../auth";
import type { WebEnv } from "./services";

/**
 * Where to go after signing in. Only our own pages are allowed, so a crafted sign-in link can never
 * send a person to another site (`//evil.example` and `/\evil.example` are refused too).
 */
export function safeNext(next: string | undefined): string {
  if (!next || !/^\/(dashboard|oauth\/authorize)(?:[/?]|$)/.test(next) || /[\\\s]/.test(next)) return "/dashboard/tokens";
  return next;
}

/** Sets c.var.viewer from the session cookie, or sends the browser to sign in and come back. */
export function requireViewer(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const viewer = await currentViewer(c.var.services.accounts, c.req.raw.headers);
    if (!viewer) {
      const url = new URL(c.req.url);
      const back = c.req.method === "GET" ? safeNext(url.pathname + url.search) : "/dashboard/tokens";
      return c.redirect(`/signin?next=${encodeURIComponent(back)}`, 303);
    }
    c.set("viewer", viewer);
    await next();
  };
}
