import { env } from "cloudflare:test";
import { authDatabase, ensureTenantAndUser, issueAccessToken, type Scope } from "../../src/auth";

/** A unique tenant name per call, so test files and tests never share a library. */
export const freshTenantName = (label = "t") => `${label}-${crypto.randomUUID().slice(0, 8)}`;

export async function tokenFor(tenantName: string, options: { scopes?: Scope[]; expiresAt?: number | null; now?: number } = {}) {
  const db = authDatabase(env.DB);
  const { tenantId, userId } = await ensureTenantAndUser(db, tenantName);
  const { token, info } = await issueAccessToken(db, {
    tenantId,
    userId,
    name: "test",
    scopes: options.scopes ?? ["read", "write"],
    expiresAt: options.expiresAt,
    now: options.now,
  });
  return { token, tenantId, userId, tokenId: info.id };
}

export const bearer = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` },
});
