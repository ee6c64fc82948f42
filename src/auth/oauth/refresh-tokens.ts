import { and, eq, isNull } from "drizzle-orm";
import { oauthGrants, oauthTokens } from "../../../schema";
import type { AuthDatabase } from "../database";
import { parseScopes } from "../principal";
import { mintTokenPair, revokeGrant, type TokenSet } from "./grants";
import { OAuthError } from "./oauth-error";
import { hashOAuthSecret, isOAuthSecret, OAUTH_REFRESH_PREFIX } from "./oauth-secrets";

export interface RefreshRequest {
  refreshToken: string;
  clientId: string;
  resource: string | undefined;
  scope: string | undefined;
}

const deadToken = (why: string) => new OAuthError("invalid_grant", `The refresh token is ${why}.`);

/**
 * Rotates a refresh token: the presented one is spent by a conditional UPDATE and a new pair issued.
 * Presenting a spent token means two parties hold it (one of them a thief), so the whole family is
 * revoked and both must sign in again (OAuth 2.1 §4.3.1, refresh token rotation).
 */
export async function refreshTokens(db: AuthDatabase, input: RefreshRequest, now = Date.now()): Promise<TokenSet> {
  if (!isOAuthSecret(input.refreshToken, OAUTH_REFRESH_PREFIX)) throw deadToken("malformed");
  const tokenHash = await hashOAuthSecret(input.refreshToken);
  const found = await db
    .select({ token: oauthTokens, grant: oauthGrants })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .where(and(eq(oauthTokens.tokenHash, tokenHash), eq(oauthTokens.kind, "refresh")))
    .get();
  if (!found) throw deadToken("not recognised");
  const { token, grant } = found;
  if (grant.clientId !== input.clientId) throw new OAuthError("invalid_grant", "The refresh token was issued to another client.");
  if (grant.revokedAt !== null) throw deadToken("revoked");
  if (token.usedAt !== null) {
    await revokeGrant(db, grant.id, "refresh_token_reuse", now);
    throw deadToken("already used; every token of this authorization has been revoked");
  }
  if (token.expiresAt <= now) throw deadToken("expired");
  if (input.resource !== undefined && input.resource !== grant.resource) {
    throw new OAuthError("invalid_target", `This authorization is for ${grant.resource}, not ${input.resource}.`);
  }
  const scopes = parseScopes(grant.scopes);
  if (
    input.scope !== undefined &&
    !input.scope
      .split(" ")
      .filter(Boolean)
      .every((s) => (scopes as string[]).includes(s))
  ) {
    throw new OAuthError("invalid_scope", `A refresh cannot widen the authorization beyond: ${grant.scopes}.`);
  }

  const spent = await db
    .update(oauthTokens)
    .set({ usedAt: now })
    .where(and(eq(oauthTokens.tokenHash, tokenHash), isNull(oauthTokens.usedAt)))
    .returning({ tokenHash: oauthTokens.tokenHash })
    .get();
  if (!spent) {
    // Another request spent it between our read and our write: the same reuse, seen a moment later.
    await revokeGrant(db, grant.id, "refresh_token_reuse", now);
    throw deadToken("already used; every token of this authorization has been revoked");
  }
  const { tokens, insert } = await mintTokenPair(db, grant.id, scopes, now);
  await db.batch([insert, db.update(oauthGrants).set({ lastUsedAt: now }).where(eq(oauthGrants.id, grant.id))]);
  return tokens;
}
