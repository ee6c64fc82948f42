import { Hono } from "hono";
import { html } from "hono/html";
import { type AccountResult, currentViewer, MIN_PASSWORD_LENGTH, signIn, signOut, signUp } from "../../auth";
import { csrfField, renderPage } from "./layout";
import type { WebContext, WebEnv } from "./services";
import { safeNext } from "./viewer";

/** Sign-up, sign-in and sign-out pages; better-auth does the work, these pages only shape forms. */
export const accountPages = new Hono<WebEnv>();

type Mode = "signin" | "signup";
const SIGNED_UP = "If this address was new, its account is ready. Sign in with it to continue.";
const field = (form: Record<string, unknown>, name: string) => (typeof form[name] === "string" ? (form[name] as string).trim() : "");

function accountForm(
  c: WebContext,
  mode: Mode,
  next: string,
  values: { name?: string; email?: string } = {},
  error?: string,
  status?: 400 | 429,
  notice?: string,
) {
  const signup = mode === "signup";
  const other = signup ? "/signin" : "/signup";
  const body = html`<h1>${signup ? "Create your account" : "Sign in"}</h1>
    <div class="card">
      ${error ? html`<p class="error" role="alert">${error}</p>` : ""}
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
      <form method="post" action="/${mode}">
        ${csrfField(c)}<input type="hidden" name="next" value="${next}" />
        ${
          signup
            ? html`<div class="field"><label for="name">Name</label><input id="name" name="name" type="text" autocomplete="name" required maxlength="100" value="${values.name ?? ""}" /></div>`
            : ""
        }
        <div class="field"><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required value="${values.email ?? ""}" /></div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" required minlength="${signup ? MIN_PASSWORD_LENGTH : 1}" autocomplete="${signup ? "new-password" : "current-password"}" />
          ${signup ? html`<small class="muted">At least ${MIN_PASSWORD_LENGTH} characters.</small>` : ""}
        </div>
        <button type="submit">${signup ? "Create account" : "Sign in"}</button>
      </form>
    </div>
    <p class="muted">${signup ? "Already have an account?" : "New here?"} <a href="${other}?next=${encodeURIComponent(next)}">${signup ? "Sign in" : "Create an account"}</a></p>`;
  return renderPage(c, { title: signup ? "Create account" : "Sign in", body, narrow: true, status });
}

function finish(c: WebContext, result: AccountResult, mode: Mode, next: string, values: { name?: string; email?: string }) {
  if (!result.ok) {
    const { failure } = result;
    if (failure.kind === "rate_limited") c.header("Retry-After", String(failure.retryAfterSeconds));
    return accountForm(c, mode, next, values, failure.message, failure.kind === "rate_limited" ? 429 : 400);
  }
  for (const cookie of result.setCookies) c.header("Set-Cookie", cookie, { append: true });
  return c.redirect(next, 303);
}

for (const mode of ["signin", "signup"] as const) {
  accountPages.get(`/${mode}`, async (c) => {
    const next = safeNext(c.req.query("next"));
    if (await currentViewer(c.var.services.accounts, c.req.raw.headers)) return c.redirect(next, 303);
    return accountForm(c, mode, next);
  });
}

accountPages.post("/signin", async (c) => {
  const form = await c.req.parseBody();
  const next = safeNext(field(form, "next"));
  const email = field(form, "email");
  const { accounts, signInPerAccount } = c.var.services;
  const result = await signIn(accounts, c.req.raw, { email, password: String(form.password ?? "") }, signInPerAccount);
  return finish(c, result, "signin", next, { email });
});

accountPages.post("/signup", async (c) => {
  const form = await c.req.parseBody();
  const next = safeNext(field(form, "next"));
  const values = { name: field(form, "name"), email: field(form, "email") };
  const result = await signUp(c.var.services.accounts, c.req.raw, {
    ...values,
    name: values.name || values.email.split("@")[0],
    password: String(form.password ?? ""),
  });
  if (!result.ok) return finish(c, result, "signup", next, values);
  // A new account and an address that already has one get the same page, so sign-up cannot tell which (enumeration).
  return accountForm(c, "signin", next, { email: values.email }, undefined, undefined, SIGNED_UP);
});

accountPages.post("/signout", async (c) => {
  for (const cookie of await signOut(c.var.services.accounts, c.req.raw)) c.header("Set-Cookie", cookie, { append: true });
  return c.redirect("/signin", 303);
});
