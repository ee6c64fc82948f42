import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authDatabase, bearerStillValid, revokeAccessToken } from "../../src/auth";
import { mintAccessToken } from "../../src/auth/token-format";
import { VERIFIED_TOKEN_TTL_MS } from "../../src/auth/verified-tokens";
import { countingD1 } from "../support/counting-d1";
import { restApp } from "../support/rest-app";
import { bearer, freshTenantName, tokenFor } from "../support/tokens";

const ORIGIN = "https://docx.example";
const METADATA = `resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp"`;

const callMcp = (init: RequestInit, bindings: typeof env = env, app = restApp()) =>
  app.request(`${ORIGIN}/mcp`, { method: "POST", ...init }, bindings);

describe("bearerAuth", () => {
  it("lets a valid token through and exposes its tenant", async () => {
    const { token, tenantId } = await tokenFor(freshTenantName());
    const res = await callMcp(bearer(token));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tenantId });
  });

  it("answers a request without a token with 401 and where to find the metadata", async () => {
    const res = await callMcp({});
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe(`Bearer ${METADATA}`);
    expect(await res.json()).toEqual({ error: "missing_token", error_description: expect.stringContaining("Bearer") });
  });

  it("treats a non-Bearer Authorization header as no token", async () => {
    const res = await callMcp({ headers: { Authorization: "Basic dXNlcjpwYXNz" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).not.toContain("error=");
  });

  it("rejects a malformed token with invalid_token and without touching D1", async () => {
    const counted = countingD1(env.DB);
    const res = await callMcp(bearer("dxe_notarealtoken"), { ...env, DB: counted.db });
    expect(res.status).toBe(401);
    const challenge = res.headers.get("WWW-Authenticate")!;
    expect(challenge).toContain(METADATA);
    expect(challenge).toContain('error="invalid_token"');
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: expect.stringContaining("malformed") });
    expect(counted.statements).toEqual([]);
  });

  it("rejects a token with a wrong checksum without touching D1", async () => {
    const token = mintAccessToken();
    const tampered = token.slice(0, -1) + (token.endsWith("0") ? "1" : "0");
    const counted = countingD1(env.DB);
    const res = await callMcp(bearer(tampered), { ...env, DB: counted.db });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toContain("checksum");
    expect(counted.statements).toEqual([]);
  });

  it("rejects a well-formed token that was never issued", async () => {
    const res = await callMcp(bearer(mintAccessToken()));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "invalid_token", error_description: "The access token is not recognised." });
  });

  it("rejects a revoked token on the very next request", async () => {
    const { token, tenantId, tokenId } = await tokenFor(freshTenantName());
    expect((await callMcp(bearer(token))).status).toBe(200);
    await revokeAccessToken(authDatabase(env.DB), { tenantId, tokenId });
    const res = await callMcp(bearer(token));
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toContain("revoked");
  });

  it("rejects an expired token", async () => {
    let now = Date.now();
    const { token } = await tokenFor(freshTenantName(), { expiresAt: now + 1_000 });
    const app = restApp({ now: () => now });
    expect((await callMcp(bearer(token), env, app)).status).toBe(200);
    now += 1_000;
    const res = await callMcp(bearer(token), env, app);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toContain("expired");
  });
});

describe("last-used tracking", () => {
  const lastUsed = async (tokenId: string) =>
    (await env.DB.prepare("SELECT last_used_at FROM access_tokens WHERE id = ?").bind(tokenId).first<{ last_used_at: number | null }>())!
      .last_used_at;
  const updates = (statements: string[]) => statements.filter((s) => /^\s*update/i.test(s)).length;

  it("writes at most once a minute per token", async () => {
    let now = 1_800_000_000_000;
    const { token, tokenId } = await tokenFor(freshTenantName(), { now });
    const counted = countingD1(env.DB);
    const app = restApp({ now: () => now });
    const bindings = { ...env, DB: counted.db };

    expect((await callMcp(bearer(token), bindings, app)).status).toBe(200);
    expect(await lastUsed(tokenId)).toBe(now);
    const first = now;

    now += 30_000;
    expect((await callMcp(bearer(token), bindings, app)).status).toBe(200);
    expect(updates(counted.statements)).toBe(1);
    expect(await lastUsed(tokenId)).toBe(first);

    now += 31_000;
    expect((await callMcp(bearer(token), bindings, app)).status).toBe(200);
    expect(updates(counted.statements)).toBe(2);
    expect(await lastUsed(tokenId)).toBe(now);
  });
});

describe("verified tokens remembered per isolate", () => {
  const selects = (statements: string[]) => statements.filter((s) => /^\s*select/i.test(s)).length;
  /** A revocation written by another isolate: D1 changes, this isolate's memory is not told. */
  const revokeElsewhere = (tokenId: string, now: number) =>
    env.DB.prepare("UPDATE access_tokens SET revoked_at = ? WHERE id = ?").bind(now, tokenId).run();

  it("reads D1 once for a burst of calls with one token", async () => {
    const now = 1_810_000_000_000;
    const { token } = await tokenFor(freshTenantName(), { now });
    const counted = countingD1(env.DB);
    const app = restApp({ now: () => now });
    for (let i = 0; i < 5; i++) expect((await callMcp(bearer(token), { ...env, DB: counted.db }, app)).status).toBe(200);
    expect(selects(counted.statements)).toBe(1);
  });

  it(`stops accepting a token revoked on another isolate within ${VERIFIED_TOKEN_TTL_MS} ms`, async () => {
    let now = 1_820_000_000_000;
    const { token, tokenId } = await tokenFor(freshTenantName(), { now });
    const app = restApp({ now: () => now });
    expect((await callMcp(bearer(token), env, app)).status).toBe(200);
    await revokeElsewhere(tokenId, now);
    now += VERIFIED_TOKEN_TTL_MS;
    const res = await callMcp(bearer(token), env, app);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_description: string }).error_description).toContain("revoked");
  });

  it("forgets every remembered token when this isolate revokes one", async () => {
    const now = 1_830_000_000_000;
    const { token } = await tokenFor(freshTenantName(), { now });
    const other = await tokenFor(freshTenantName(), { now });
    const counted = countingD1(env.DB);
    const app = restApp({ now: () => now });
    expect((await callMcp(bearer(token), { ...env, DB: counted.db }, app)).status).toBe(200);
    await revokeAccessToken(authDatabase(env.DB), { tenantId: other.tenantId, tokenId: other.tokenId }, now);
    expect((await callMcp(bearer(token), { ...env, DB: counted.db }, app)).status).toBe(200);
    expect(selects(counted.statements)).toBe(2);
  });

  it("checks D1 afresh for a stream that asks whether its token still holds", async () => {
    const now = 1_840_000_000_000;
    const { token, tokenId } = await tokenFor(freshTenantName(), { now });
    const app = restApp({ now: () => now });
    app.post("/still-valid", async (c) =>
      c.json({ valid: await bearerStillValid(c as unknown as Parameters<typeof bearerStillValid>[0], { now: () => now }) }),
    );
    expect((await callMcp(bearer(token), env, app)).status).toBe(200);
    await revokeElsewhere(tokenId, now);
    const res = await app.request(`${ORIGIN}/still-valid`, { method: "POST", ...bearer(token) }, env);
    expect(await res.json()).toEqual({ valid: false });
    expect((await callMcp(bearer(token), env, app)).status).toBe(401);
  });
});
