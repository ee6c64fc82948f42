import { and, eq, isNull } from "drizzle-orm";
import { type OAuthCodeRow, oauthCodes, oauthGrants, oauthTokens } from "../../../schema";
import type { AuthDatabase } from "../database";
import { parseScopes, type Scope } from "../principal";
import { forgetVerifiedTokens } from "../verified-tokens";
import {
  ACCESS_TOKEN_TTL_MS,
  hashOAuthSecret,
  mintOAuthSecret,
  OAUTH_ACCESS_PREFIX,
  OAUTH_REFRESH_PREFIX,
  REFRESH_TOKEN_TTL_MS,
} from "./oauth-secrets";

/** What the token endpoint returns. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  scopes: Scope[];
}

export type GrantRevocationReason = "user" | "refresh_token_reuse" | "code_reuse" | "client_revocation";

/** Mints an access/refresh pair for a grant and the insert statements that store their hashes. */
export async function mintTokenPair(db: AuthDatabase, grantId: string, scopes: Scope[], now: number) {
  const accessToken = mintOAuthSecret(OAUTH_ACCESS_PREFIX);
  const refreshToken = mintOAuthSecret(OAUTH_REFRESH_PREFIX);
  const insert = db.insert(oauthTokens).values([
    { tokenHash: await hashOAuthSecret(accessToken), grantId, kind: "access", createdAt: now, expiresAt: now + ACCESS_TOKEN_TTL_MS },
    { tokenHash: await hashOAuthSecret(refreshToken), grantId, kind: "refresh", createdAt: now, expiresAt: now + REFRESH_TOKEN_TTL_MS },
  ]);
  const tokens: TokenSet = { accessToken, refreshToken, expiresInSeconds: ACCESS_TOKEN_TTL_MS / 1000, scopes };
  return { tokens, insert };
}

/** Turns a redeemed code into a grant (a refresh-token family) with its first token pair, in one batch. */
export async function startGrant(db: AuthDatabase, code: OAuthCodeRow, now: number): Promise<TokenSet> {
  const grantId = crypto.randomUUID();
  const scopes = parseScopes(code.scopes);
  const { tokens, insert } = await mintTokenPair(db, grantId, scopes, now);
  await db.batch([
    db.insert(oauthGrants).values({
      id: grantId,
      clientId: code.clientId,
      userId: code.userId,
      tenantId: code.tenantId,
      scopes: code.scopes,
      toolSet: code.toolSet,
      resource: code.resource,
      createdAt: now,
      lastUsedAt: now,
    }),
    insert,
    db.update(oauthCodes).set({ grantId }).where(eq(oauthCodes.codeHash, code.codeHash)),
  ]);
  return tokens;
}

/** Revokes a whole family: every access and refresh token of the grant stops working at once. */
export async function revokeGrant(db: AuthDatabase, grantId: string, reason: GrantRevocationReason, now = Date.now()): Promise<void> {
  await db
    .update(oauthGrants)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(oauthGrants.id, grantId), isNull(oauthGrants.revokedAt)));
  forgetVerifiedTokens();
}
