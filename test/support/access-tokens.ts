import { env } from "cloudflare:test";
import { authDatabase, ensureTenantAndUser, issueAccessToken, type Scope } from "../../src/auth/index";

/** Creates (or reuses) a tenant and issues it a token; returns the Authorization header and the tenant id. */
export async function tokenFor(tenantName: string, scopes: Scope[] = ["read", "write"]) {
  const db = authDatabase(env.DB);
  const { tenantId, userId } = await ensureTenantAndUser(db, tenantName);
  const { token, info } = await issueAccessToken(db, { tenantId, userId, name: `test ${tenantName}`, scopes });
  return { token, tokenId: info.id, tenantId, headers: { authorization: `Bearer ${token}` } };
}
