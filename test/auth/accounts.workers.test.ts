import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tenants, users } from "../../schema";
import { currentViewer, signIn, signOut, signUp } from "../../src/auth/account-actions";
import { createAccounts, SIGN_IN_LIMIT } from "../../src/auth/accounts";
import { authDatabase } from "../../src/auth/database";

const ORIGIN = "https://docx-edge.test";
const accounts = () => createAccounts(env.DB, { origin: ORIGIN, secret: "x".repeat(40) });
const browser = (ip: string, cookie?: string) =>
  new Request(`${ORIGIN}/signin`, { headers: { "cf-connecting-ip": ip, ...(cookie ? { cookie } : {}) } });
const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]).join("; ");

describe("accounts", () => {
  it("signs a person up into a tenant of their own; signing in gives a Secure HttpOnly SameSite session cookie", async () => {
    const created = await signUp(accounts(), browser("10.0.0.1"), {
      name: "Ada",
      email: "ada@example.com",
      password: "correct horse battery",
    });
    // Sign-up itself never signs in, so it answers a taken address no differently (enumeration).
    expect(created).toEqual({ ok: true, setCookies: [] });
    const result = await signIn(accounts(), browser("10.0.0.1"), { email: "ada@example.com", password: "correct horse battery" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = result.setCookies.find((c) => c.includes("session_token"))!;
    expect(session).toMatch(/^__Secure-/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);

    const viewer = await currentViewer(accounts(), browser("10.0.0.1", cookieHeader(result.setCookies)).headers);
    expect(viewer).toMatchObject({ email: "ada@example.com", name: "Ada" });
    const db = authDatabase(env.DB);
    const user = await db.select().from(users).where(eq(users.email, "ada@example.com")).get();
    const tenant = await db.select().from(tenants).where(eq(tenants.id, user!.tenantId)).get();
    expect(viewer!.tenantId).toBe(tenant!.id);
    expect(tenant!.name).toMatch(/^ada-[a-z0-9]{6}$/);
  });

  it("stores a native scrypt hash, never the password", async () => {
    await signUp(accounts(), browser("10.0.0.2"), { name: "Bo", email: "bo@example.com", password: "another long password" });
    const row = await env.DB.prepare("SELECT a.password FROM auth_accounts a JOIN users u ON u.id = a.user_id WHERE u.email = ?")
      .bind("bo@example.com")
      .first<{ password: string }>();
    expect(row!.password).toMatch(/^scrypt\$16384\$16\$1\$/);
    expect(row!.password).not.toContain("another long password");
  });

  it("makes no second account for a taken email, without saying so, and refuses a short password", async () => {
    await signUp(accounts(), browser("10.0.0.3"), { name: "Cy", email: "cy@example.com", password: "long enough password" });
    const again = await signUp(accounts(), browser("10.0.0.3"), {
      name: "Mallory",
      email: "cy@example.com",
      password: "mallorys own password",
    });
    // Answered as a new sign-up would be (enumeration), yet nothing changed: one user, and only Cy's password works.
    expect(again).toEqual({ ok: true, setCookies: [] });
    const rows = await authDatabase(env.DB).select().from(users).where(eq(users.email, "cy@example.com")).all();
    expect(rows.map((u) => u.name)).toEqual(["Cy"]);
    expect((await signIn(accounts(), browser("10.0.0.3"), { email: "cy@example.com", password: "mallorys own password" })).ok).toBe(false);
    expect((await signIn(accounts(), browser("10.0.0.3"), { email: "cy@example.com", password: "long enough password" })).ok).toBe(true);
    const short = await signUp(accounts(), browser("10.0.0.3"), { name: "Di", email: "di@example.com", password: "short" });
    expect(short).toMatchObject({ ok: false, failure: { kind: "invalid_input" } });
  });

  it("refuses a name documents could not hold as an author, and creates no account", async () => {
    const refused = await signUp(accounts(), browser("10.0.0.5"), {
      name: "Eve\u0001",
      email: "eve@example.com",
      password: "long enough password",
    });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "invalid_input", message: expect.stringContaining("position 4") } });
    expect(await authDatabase(env.DB).select().from(users).where(eq(users.email, "eve@example.com")).get()).toBeUndefined();
  });

  it("signs in with the right password only, and signing out ends the session server-side", async () => {
    await signUp(accounts(), browser("10.0.0.4"), { name: "Ed", email: "ed@example.com", password: "eds secret password" });
    const wrong = await signIn(accounts(), browser("10.0.0.4"), { email: "ed@example.com", password: "not the password" });
    expect(wrong).toMatchObject({ ok: false, failure: { kind: "invalid_credentials" } });
    const right = await signIn(accounts(), browser("10.0.0.4"), { email: "ed@example.com", password: "eds secret password" });
    expect(right.ok).toBe(true);
    if (!right.ok) return;
    const cookie = cookieHeader(right.setCookies);
    expect(await currentViewer(accounts(), browser("10.0.0.4", cookie).headers)).not.toBeNull();
    await signOut(accounts(), browser("10.0.0.4", cookie));
    // The old cookie, replayed after sign-out, no longer identifies anyone.
    expect(await currentViewer(accounts(), browser("10.0.0.4", cookie).headers)).toBeNull();
  });

  it("rate-limits sign-in attempts per client address (password guessing)", async () => {
    const attempt = (ip: string) => signIn(accounts(), browser(ip), { email: "nobody@example.com", password: "guess guess guess" });
    for (let i = 0; i < SIGN_IN_LIMIT.max; i++)
      expect(await attempt("10.9.9.9")).toMatchObject({ failure: { kind: "invalid_credentials" } });
    expect(await attempt("10.9.9.9")).toMatchObject({ ok: false, failure: { kind: "rate_limited" } });
    // Another address is unaffected.
    expect(await attempt("10.9.9.10")).toMatchObject({ failure: { kind: "invalid_credentials" } });
  });
});
