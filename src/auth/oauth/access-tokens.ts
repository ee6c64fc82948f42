import { and, eq, isNull, lt, or } from "drizzle-orm";
import { oauthGrants, oauthTokens, users } from "../../../schema";
import { AuthError } from "../auth-error";
import type { AuthDatabase } from "../database";
import { parseScopes } from "../principal";
import type { VerifiedToken } from "../verified-tokens";
import { hashOAuthSecret, isOAuthSecret, OAUTH_ACCESS_PREFIX } from "./oauth-secrets";

/**
 * Resolves an OAuth access token to the same Principal a personal access token yields. The grant is
 * read on every request, so revoking a connected app or a reused refresh token takes effect at once.
 * `resource` is the URL being called: a token issued for another resource is refused (RFC 8707).
 */
export async function verifyOAuthAccessToken(db: AuthDatabase, token: string, resource: string, now: number): Promise<VerifiedToken> {
  if (!isOAuthSecret(token, OAUTH_ACCESS_PREFIX))
    throw new AuthError({ kind: "malformed_token", message: "The access token is malformed." });
  const found = await db
    .select({ token: oauthTokens, grant: oauthGrants, userName: users.name })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .leftJoin(users, eq(users.id, oauthGrants.userId))
    .where(and(eq(oauthTokens.tokenHash, await hashOAuthSecret(token)), eq(oauthTokens.kind, "access")))
    .get();
  if (!found) throw new AuthError({ kind: "unknown_token", message: "The access token is not recognised." });
  const { grant } = found;
  if (grant.revokedAt !== null) throw new AuthError({ kind: "revoked_token", message: "The access token has been revoked." });
  if (found.token.expiresAt <= now) throw new AuthError({ kind: "expired_token", message: "The access token has expired; refresh it." });
  if (grant.resource !== resource) {
    throw new AuthError({ kind: "wrong_audience", message: `The access token was issued for ${grant.resource}, not ${resource}.` });
  }
  return {
    principal: {
      tenantId: grant.tenantId,
      userId: grant.userId,
      userName: found.userName ?? "",
      tokenId: grant.id,
      scopes: parseScopes(grant.scopes),
      toolSet: grant.toolSet,
    },
    lastUsedAt: grant.lastUsedAt,
    expiresAt: found.token.expiresAt,
  };
}

/** Records use of a grant at most once a minute (the caller decides when it is stale). */
export async function recordGrantUse(db: AuthDatabase, grantId: string, now: number, resolutionMs: number): Promise<void> {
  await db
    .update(oauthGrants)
    .set({ lastUsedAt: now })
    .where(and(eq(oauthGrants.id, grantId), or(isNull(oauthGrants.lastUsedAt), lt(oauthGrants.lastUsedAt, now - resolutionMs))));
}
