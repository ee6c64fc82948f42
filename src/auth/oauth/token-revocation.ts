import { and, eq } from "drizzle-orm";
import { oauthGrants, oauthTokens } from "../../../schema";
import type { AuthDatabase } from "../database";
import { forgetVerifiedTokens } from "../verified-tokens";
import { revokeGrant } from "./grants";
import { hashOAuthSecret, isOAuthSecret, OAUTH_ACCESS_PREFIX, OAUTH_REFRESH_PREFIX } from "./oauth-secrets";

/**
 * RFC 7009 revocation by the client that holds the token. A refresh token takes its whole grant with
 * it (§2.1: revoking a refresh token should revoke the access tokens of the same grant); an access
 * token ends alone. Unknown tokens and other clients' tokens are silently ignored, as the RFC asks.
 */
export async function revokeOAuthToken(db: AuthDatabase, token: string, clientId: string, now = Date.now()): Promise<void> {
  const kind = isOAuthSecret(token, OAUTH_REFRESH_PREFIX) ? "refresh" : isOAuthSecret(token, OAUTH_ACCESS_PREFIX) ? "access" : null;
  if (!kind) return;
  const tokenHash = await hashOAuthSecret(token);
  const found = await db
    .select({ grantId: oauthGrants.id, clientId: oauthGrants.clientId })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .where(and(eq(oauthTokens.tokenHash, tokenHash), eq(oauthTokens.kind, kind)))
    .get();
  if (!found || found.clientId !== clientId) return;
  if (kind === "refresh") await revokeGrant(db, found.grantId, "client_revocation", now);
  else {
    await db.update(oauthTokens).set({ expiresAt: now }).where(eq(oauthTokens.tokenHash, tokenHash));
    forgetVerifiedTokens();
  }
}
