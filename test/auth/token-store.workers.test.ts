import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AuthError, authDatabase, ensureTenantAndUser, listAccessTokens, revokeAccessToken, verifyAccessToken } from "../../src/auth";
import { hashAccessToken, mintAccessToken } from "../../src/auth/token-format";
import { freshTenantName, tokenFor } from "../support/tokens";

const db = () => authDatabase(env.DB);

async function failureKind(token: string, now = Date.now()): Promise<string> {
  try {
    await verifyAccessToken(db(), token, now);
    return "verified";
  } catch (e) {
    if (e instanceof AuthError) return e.kind;
    throw e;
  }
}

describe("ensureTenantAndUser", () => {
  it("creates a tenant once and returns the same ids afterwards", async () => {
    const name = freshTenantName();
    const first = await ensureTenantAndUser(db(), name);
    const second = await ensureTenantAndUser(db(), name);
    expect(second).toEqual(first);
  });

  it("refuses names that are not slugs", async () => {
    await expect(ensureTenantAndUser(db(), "Bad Name")).rejects.toThrow(/Invalid tenant name/);
  });
});

describe("issueAccessToken", () => {
  it("stores only the hash, the display prefix and the last four characters", async () => {
    const { token, tokenId } = await tokenFor(freshTenantName());
    const row = await env.DB.prepare("SELECT * FROM access_tokens WHERE id = ?").bind(tokenId).first<Record<string, unknown>>();
    expect(row!.token_hash).toBe(await hashAccessToken(token));
    expect(row!.display_prefix).toBe(token.slice(0, 8));
    expect(row!.last_four).toBe(token.slice(-4));
    expect(row!.scopes).toBe("read write");
    expect(Object.values(row!)).not.toContain(token);
  });
});

describe("verifyAccessToken", () => {
  it("returns the principal of a valid token, with the account name edits are signed with", async () => {
    const tenant = freshTenantName();
    const issued = await tokenFor(tenant, { scopes: ["read"] });
    const { principal } = await verifyAccessToken(db(), issued.token, Date.now());
    expect(principal).toEqual({
      tenantId: issued.tenantId,
      userId: issued.userId,
      userName: `${tenant} owner`,
      tokenId: issued.tokenId,
      scopes: ["read"],
      toolSet: "compact",
    });
  });

  it("rejects a malformed token", async () => {
    expect(await failureKind("dxe_short")).toBe("malformed_token");
  });

  it("rejects a well-formed token it never issued", async () => {
    expect(await failureKind(mintAccessToken())).toBe("unknown_token");
  });

  it("rejects a revoked token on the next call", async () => {
    const issued = await tokenFor(freshTenantName());
    expect(await failureKind(issued.token)).toBe("verified");
    expect(await revokeAccessToken(db(), { tenantId: issued.tenantId, tokenId: issued.tokenId })).toBe(true);
    expect(await failureKind(issued.token)).toBe("revoked_token");
  });

  it("rejects a token from its expiry time on", async () => {
    const expiresAt = Date.now() + 3_600_000;
    const issued = await tokenFor(freshTenantName(), { expiresAt });
    expect(await failureKind(issued.token, expiresAt - 1)).toBe("verified");
    expect(await failureKind(issued.token, expiresAt)).toBe("expired_token");
  });
});

describe("revokeAccessToken", () => {
  it("cannot revoke another tenant's token", async () => {
    const victim = await tokenFor(freshTenantName("a"));
    const attacker = await tokenFor(freshTenantName("b"));
    expect(await revokeAccessToken(db(), { tenantId: attacker.tenantId, tokenId: victim.tokenId })).toBe(false);
    expect(await failureKind(victim.token)).toBe("verified");
  });
});

describe("listAccessTokens", () => {
  it("lists the tenant's tokens without secrets or hashes", async () => {
    const name = freshTenantName();
    const one = await tokenFor(name);
    const two = await tokenFor(name, { scopes: ["read"] });
    await tokenFor(freshTenantName("other"));
    const listed = await listAccessTokens(db(), one.tenantId);
    expect(listed.map((t) => t.id).sort()).toEqual([one.tokenId, two.tokenId].sort());
    for (const info of listed) expect(info).not.toHaveProperty("tokenHash");
  });
});
