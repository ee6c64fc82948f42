import { and, desc, eq, isNull } from "drizzle-orm";
import { oauthClients, oauthGrants } from "../../../schema";
import type { AuthDatabase } from "../database";
import { parseScopes, type Scope, TOOL_SETS, type ToolSet } from "../principal";
import { forgetVerifiedTokens } from "../verified-tokens";

/** An app a person has authorized, as the dashboard lists it (one entry per client). */
export interface ConnectedApp {
  clientId: string;
  name: string;
  redirectHost: string;
  scopes: Scope[];
  /** The tool sets its live grants show the app (one, unless it was authorized more than once with different ones). */
  toolSets: ToolSet[];
  authorizedAt: number;
  lastUsedAt: number | null;
}

function hostOf(uri: string | undefined): string {
  try {
    return new URL(uri ?? "").host;
  } catch {
    return "";
  }
}

export async function listConnectedApps(db: AuthDatabase, userId: string): Promise<ConnectedApp[]> {
  const rows = await db
    .select({ grant: oauthGrants, client: oauthClients })
    .from(oauthGrants)
    .innerJoin(oauthClients, eq(oauthClients.id, oauthGrants.clientId))
    .where(and(eq(oauthGrants.userId, userId), isNull(oauthGrants.revokedAt)))
    .orderBy(desc(oauthGrants.createdAt));
  const apps = new Map<string, ConnectedApp>();
  for (const { grant, client } of rows) {
    const seen = apps.get(client.id);
    const scopes = parseScopes(grant.scopes);
    if (!seen) {
      apps.set(client.id, {
        clientId: client.id,
        name: client.name,
        redirectHost: hostOf((JSON.parse(client.redirectUris) as string[])[0]),
        scopes,
        toolSets: [grant.toolSet],
        authorizedAt: grant.createdAt,
        lastUsedAt: grant.lastUsedAt,
      });
      continue;
    }
    seen.scopes = [...new Set([...seen.scopes, ...scopes])];
    seen.toolSets = TOOL_SETS.filter((t) => t === grant.toolSet || seen.toolSets.includes(t));
    seen.authorizedAt = Math.min(seen.authorizedAt, grant.createdAt);
    seen.lastUsedAt = Math.max(seen.lastUsedAt ?? 0, grant.lastUsedAt ?? 0) || null;
  }
  return [...apps.values()];
}

/** Revokes every live grant the person gave the client; its tokens fail on their next use. */
export async function revokeConnectedApp(db: AuthDatabase, ref: { userId: string; clientId: string }, now = Date.now()): Promise<number> {
  const revoked = await db
    .update(oauthGrants)
    .set({ revokedAt: now, revokedReason: "user" })
    .where(and(eq(oauthGrants.userId, ref.userId), eq(oauthGrants.clientId, ref.clientId), isNull(oauthGrants.revokedAt)))
    .returning({ id: oauthGrants.id });
  forgetVerifiedTokens();
  return revoked.length;
}
