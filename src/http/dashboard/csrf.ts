import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { HttpError } from "../http-errors";
import type { WebEnv } from "./services";

/**
 * CSRF protection for every form: a random value in an HttpOnly cookie, and in each form an HMAC of
 * it under the server secret. A cross-site page can make the browser send the cookie but can neither
 * read it nor compute the HMAC. Works before sign-in too, so sign-in itself cannot be forged.
 */
const FIELD = "_csrf";
const encoder = new TextEncoder();

const cookieName = (secure: boolean) => (secure ? "__Host-docx-edge.csrf" : "docx-edge.csrf");
const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

async function formToken(secret: string, cookieValue: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return base64url(await crypto.subtle.sign("HMAC", key, encoder.encode(`csrf:${cookieValue}`)));
}

function sameText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  return x.length === y.length && crypto.subtle.timingSafeEqual(x, y);
}

const rejected = (message: string) => new HttpError({ kind: "csrf_rejected", message });

/** Issues the cookie when missing, exposes the form token as c.var.csrfToken, and checks it on POST. */
export function csrfProtection(): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const secure = url.protocol === "https:";
    const secret = c.var.services.secret;
    let value = getCookie(c, cookieName(secure));
    if (c.req.method === "POST") {
      const origin = c.req.header("Origin");
      if (origin && origin !== url.origin) throw rejected(`This form was submitted from another site (${origin}, not ${url.origin}).`);
      if (c.req.header("Sec-Fetch-Site") === "cross-site")
        throw rejected("This form was submitted from another site (Sec-Fetch-Site: cross-site).");
      const form = await c.req.parseBody();
      const sent = typeof form[FIELD] === "string" ? form[FIELD] : "";
      if (!value || !sent || !sameText(sent, await formToken(secret, value))) {
        throw rejected("This form has expired or did not come from this site; reload the page and try again.");
      }
    }
    if (!value) {
      value = base64url(crypto.getRandomValues(new Uint8Array(32)));
      setCookie(c, cookieName(secure), value, { path: "/", httpOnly: true, secure, sameSite: "Lax" });
    }
    c.set("csrfToken", await formToken(secret, value));
    await next();
  };
}

export const CSRF_FIELD = FIELD;
