import { and, eq, isNull } from "drizzle-orm";
import { oauthCodes } from "../../../schema";
import type { AuthDatabase } from "../database";
import { DEFAULT_TOOL_SET, formatScopes, type ToolSet } from "../principal";
import type { AuthorizationRequest } from "./authorization-request";
import { revokeGrant, startGrant, type TokenSet } from "./grants";
import { OAuthError } from "./oauth-error";
import { CODE_TTL_MS, hashOAuthSecret, isOAuthSecret, mintOAuthSecret, OAUTH_CODE_PREFIX } from "./oauth-secrets";
import { verifierMatches } from "./pkce";

/**
 * Records a consented request and returns the code for the redirect. Only the code's hash is stored. `consent` is who
 * allowed it and the tool set they chose on the consent page (compact unless given); the grant inherits both.
 */
export async function createAuthorizationCode(
  db: AuthDatabase,
  request: AuthorizationRequest,
  consent: { userId: string; tenantId: string; toolSet?: ToolSet },
  now = Date.now(),
): Promise<string> {
  const code = mintOAuthSecret(OAUTH_CODE_PREFIX);
  await db.insert(oauthCodes).values({
    codeHash: await hashOAuthSecret(code),
    clientId: request.client.clientId,
    userId: consent.userId,
    tenantId: consent.tenantId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: formatScopes(request.scopes),
    toolSet: consent.toolSet ?? DEFAULT_TOOL_SET,
    resource: request.resource,
    createdAt: now,
    expiresAt: now + CODE_TTL_MS,
  });
  return code;
}

export interface CodeExchange {
  code: string;
  clientId: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
  resource: string | undefined;
}

const deadCode = () => new OAuthError("invalid_grant", "The authorization code is invalid, expired or already used.");

/**
 * Redeems a code once. The claim is one conditional UPDATE, so two concurrent redemptions cannot both
 * succeed; a replay of a redeemed code revokes the tokens it produced (OAuth 2.1 §4.1.3).
 */
export async function exchangeAuthorizationCode(db: AuthDatabase, input: CodeExchange, now = Date.now()): Promise<TokenSet> {
  if (!isOAuthSecret(input.code, OAUTH_CODE_PREFIX)) throw deadCode();
  const codeHash = await hashOAuthSecret(input.code);
  const claimed = await db
    .update(oauthCodes)
    .set({ usedAt: now })
    .where(and(eq(oauthCodes.codeHash, codeHash), isNull(oauthCodes.usedAt)))
    .returning()
    .get();
  if (!claimed) {
    const replayed = await db.select({ grantId: oauthCodes.grantId }).from(oauthCodes).where(eq(oauthCodes.codeHash, codeHash)).get();
    if (replayed?.grantId) await revokeGrant(db, replayed.grantId, "code_reuse", now);
    throw deadCode();
  }
  if (claimed.expiresAt <= now) throw deadCode();
  if (claimed.clientId !== input.clientId) throw new OAuthError("invalid_grant", "The authorization code was issued to another client.");
  if (claimed.redirectUri !== input.redirectUri)
    throw new OAuthError("invalid_grant", "redirect_uri must be exactly the one sent to /oauth/authorize.");
  if (!input.codeVerifier || !(await verifierMatches(input.codeVerifier, claimed.codeChallenge))) {
    throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge (PKCE).");
  }
  if (input.resource !== undefined && input.resource !== claimed.resource) {
    throw new OAuthError("invalid_target", `The code was issued for ${claimed.resource}, not ${input.resource}.`);
  }
  return startGrant(db, claimed, now);
}
