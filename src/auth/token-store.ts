import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { accessTokens, users } from "../../schema";
import { AuthError } from "./auth-error";
import type { AuthDatabase } from "./database";
import { DEFAULT_TOOL_SET, formatScopes, parseScopes, type Scope, type ToolSet } from "./principal";
import { checkTokenFormat, hashAccessToken, mintAccessToken, tokenDisplayParts } from "./token-format";
import { forgetVerifiedTokens, type VerifiedToken } from "./verified-tokens";

/** A stored token as people see it in a list: never the secret, never the hash. */
export interface AccessTokenInfo {
  id: string;
  tenantId: string;
  userId: string;
  name: string;
  displayPrefix: string;
  lastFour: string;
  scopes: Scope[];
  toolSet: ToolSet;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** Last-used times are only rewritten when older than this, so reads stay reads. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssueAccessTokenInput {
  tenantId: string;
  userId: string;
  name: string;
  scopes: readonly Scope[];
  /** Which tools tools/list shows the token (default compact). */
  toolSet?: ToolSet;
  expiresAt?: number | null;
  now?: number;
}

/** Creates a token and returns its plaintext; this is the only time the plaintext exists. */
export async function issueAccessToken(db: AuthDatabase, input: IssueAccessTokenInput): Promise<{ token: string; info: AccessTokenInfo }> {
  const token = mintAccessToken();
  const row = {
    id: crypto.randomUUID(),
    tenantId: input.tenantId,
    userId: input.userId,
    name: input.name,
    tokenHash: await hashAccessToken(token),
    ...tokenDisplayParts(token),
    scopes: formatScopes(input.scopes),
    toolSet: input.toolSet ?? DEFAULT_TOOL_SET,
    createdAt: input.now ?? Date.now(),
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
    lastUsedAt: null,
  };
  await db.insert(accessTokens).values(row);
  const { tokenHash: _hash, ...rest } = row;
  return { token, info: { ...rest, scopes: parseScopes(row.scopes) } };
}

/**
 * Resolves a presented token to its principal from D1 (bearerAuth remembers the answer for a few seconds:
 * src/auth/verified-tokens.ts). Malformed tokens are refused before any database read.
 */
export async function verifyAccessToken(db: AuthDatabase, token: string, now: number): Promise<VerifiedToken> {
  const format = checkTokenFormat(token);
  if (!format.ok) {
    throw new AuthError({ kind: "malformed_token", message: `The access token is malformed (${format.reason.replace("_", " ")}).` });
  }
  const found = await db
    .select({ token: accessTokens, userName: users.name })
    .from(accessTokens)
    .leftJoin(users, eq(users.id, accessTokens.userId))
    .where(eq(accessTokens.tokenHash, await hashAccessToken(token)))
    .get();
  const row = found?.token;
  if (!row) throw new AuthError({ kind: "unknown_token", message: "The access token is not recognised." });
  if (row.revokedAt !== null) throw new AuthError({ kind: "revoked_token", message: "The access token has been revoked." });
  if (row.expiresAt !== null && row.expiresAt <= now) {
    throw new AuthError({ kind: "expired_token", message: `The access token expired at ${new Date(row.expiresAt).toISOString()}.` });
  }
  return {
    principal: {
      tenantId: row.tenantId,
      userId: row.userId,
      userName: found.userName ?? "",
      tokenId: row.id,
      scopes: parseScopes(row.scopes),
      toolSet: row.toolSet,
    },
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
  };
}

export function lastUsedIsStale(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || lastUsedAt < now - LAST_USED_RESOLUTION_MS;
}

/** Records use at most once a minute per token; the WHERE clause keeps concurrent requests from all writing. */
export async function recordAccessTokenUse(db: AuthDatabase, tokenId: string, now: number): Promise<void> {
  await db
    .update(accessTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(accessTokens.id, tokenId), or(isNull(accessTokens.lastUsedAt), lt(accessTokens.lastUsedAt, now - LAST_USED_RESOLUTION_MS))),
    );
}

/** Revokes a tenant's token; false when the tenant has no such live token. */
export async function revokeAccessToken(
  db: AuthDatabase,
  ref: { tenantId: string; tokenId: string },
  now: number = Date.now(),
): Promise<boolean> {
  const revoked = await db
    .update(accessTokens)
    .set({ revokedAt: now })
    .where(and(eq(accessTokens.id, ref.tokenId), eq(accessTokens.tenantId, ref.tenantId), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  forgetVerifiedTokens();
  return revoked.length > 0;
}

export async function listAccessTokens(db: AuthDatabase, tenantId: string): Promise<AccessTokenInfo[]> {
  const rows = await db.select().from(accessTokens).where(eq(accessTokens.tenantId, tenantId)).orderBy(desc(accessTokens.createdAt));
  return rows.map(({ tokenHash: _hash, ...row }) => ({ ...row, scopes: parseScopes(row.scopes) }));
}
