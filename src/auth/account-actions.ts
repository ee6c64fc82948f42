import { accountNameProblem } from "./account-name";
import { ACCOUNTS_BASE_PATH, type Accounts } from "./accounts";

/** Why a sign-up or sign-in was refused, as data the dashboard turns into a form message. */
export type AccountFailure =
  | { kind: "invalid_credentials"; message: string }
  | { kind: "email_taken"; message: string }
  | { kind: "invalid_input"; message: string }
  | { kind: "rate_limited"; message: string; retryAfterSeconds: number };

export type AccountResult = { ok: true; setCookies: string[] } | { ok: false; failure: AccountFailure };

export interface SignedInViewer {
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  sessionId: string;
}

/** Standard in workerd, missing from the Workers type definitions. */
const setCookiesOf = (response: Response): string[] => (response.headers as Headers & { getSetCookie(): string[] }).getSetCookie();

/** Headers better-auth reads for its origin check, rate limit key and session cookie. */
const FORWARDED = ["cookie", "cf-connecting-ip", "user-agent"];

/**
 * Calls better-auth's own handler rather than `auth.api`, so its rate limiter and origin check run
 * exactly as they would for a browser talking to it directly.
 */
async function post(auth: Accounts, incoming: Request, path: string, body: unknown): Promise<Response> {
  const origin = new URL(incoming.url).origin;
  const headers = new Headers({ "content-type": "application/json", origin });
  for (const name of FORWARDED) {
    const value = incoming.headers.get(name);
    if (value) headers.set(name, value);
  }
  return auth.handler(new Request(`${origin}${ACCOUNTS_BASE_PATH}${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

const rateLimited = (retryAfterSeconds: number): AccountResult => ({
  ok: false,
  failure: { kind: "rate_limited", retryAfterSeconds, message: `Too many attempts; try again in ${retryAfterSeconds} seconds.` },
});

async function toResult(response: Response): Promise<AccountResult> {
  if (response.ok) return { ok: true, setCookies: setCookiesOf(response) };
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (response.status === 429) return rateLimited(Number(response.headers.get("x-retry-after") ?? "60"));
  if (body.code === "INVALID_EMAIL_OR_PASSWORD")
    return { ok: false, failure: { kind: "invalid_credentials", message: "Wrong email or password." } };
  if (body.code?.startsWith("USER_ALREADY_EXISTS")) {
    // Worded so the page never confirms that this address has an account (enumeration); the kind stays for callers.
    return {
      ok: false,
      failure: { kind: "email_taken", message: "An account could not be created with these details. If you have one, sign in instead." },
    };
  }
  return { ok: false, failure: { kind: "invalid_input", message: body.message ?? "The form could not be accepted." } };
}

export async function signUp(
  auth: Accounts,
  incoming: Request,
  form: { name: string; email: string; password: string },
): Promise<AccountResult> {
  const nameProblem = accountNameProblem(form.name);
  if (nameProblem) return { ok: false, failure: { kind: "invalid_input", message: nameProblem } };
  // With autoSignIn off, better-auth answers a taken address as it answers a new one (hashing either way).
  return toResult(await post(auth, incoming, "/sign-up/email", form));
}

/** A fixed-window limiter keyed by a string: the Workers rate limiting binding's shape. */
export interface AttemptLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The window of the per-account sign-in limiter (wrangler.toml). */
const ACCOUNT_WINDOW_SECONDS = 60;

/**
 * better-auth limits sign-in per address; `perAccount` also limits it per email, so guessing one
 * person's password from many addresses is as slow as from one.
 */
export async function signIn(
  auth: Accounts,
  incoming: Request,
  form: { email: string; password: string },
  perAccount?: AttemptLimiter,
): Promise<AccountResult> {
  if (perAccount && !(await perAccount.limit({ key: `signin:${form.email.trim().toLowerCase()}` })).success) {
    return rateLimited(ACCOUNT_WINDOW_SECONDS);
  }
  return toResult(await post(auth, incoming, "/sign-in/email", { ...form, rememberMe: true }));
}

/** Ends the browser's session server-side and returns the cookies that clear it. */
export async function signOut(auth: Accounts, incoming: Request): Promise<string[]> {
  const response = await post(auth, incoming, "/sign-out", {});
  return setCookiesOf(response);
}

/** The signed-in person behind a request's session cookie, or null. */
export async function currentViewer(auth: Accounts, headers: Headers): Promise<SignedInViewer | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const user = found.user as typeof found.user & { tenantId: string };
  return { userId: user.id, tenantId: user.tenantId, email: user.email, name: user.name, sessionId: found.session.id };
}
