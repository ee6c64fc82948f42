import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

/**
 * Public OAuth clients: registered (RFC 7591, a UUID id) or described by a client ID metadata document
 * (the id is the document's https URL; the row caches the document until documentExpiresAt).
 */
export const oauthClients = sqliteTable("oauth_clients", {
  id: text("id").primaryKey(), // the client_id
  name: text("name").notNull(),
  redirectUris: text("redirect_uris").notNull(), // JSON array of strings
  clientUri: text("client_uri"),
  createdAt: integer("created_at").notNull(), // epoch ms
  documentExpiresAt: integer("document_expires_at"), // epoch ms; null for registered clients
});

/**
 * One consented authorization of a client by a user: the family every refresh token of that
 * authorization belongs to. Revoking the grant kills all of its tokens at once.
 */
export const oauthGrants = sqliteTable(
  "oauth_grants",
  {
    id: text("id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => oauthClients.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    scopes: text("scopes").notNull(), // space-separated
    // As on access_tokens: chosen on the consent page; grants from before the column keep the full list.
    toolSet: text("tool_set", { enum: ["compact", "complete"] })
      .notNull()
      .default("complete"),
    resource: text("resource").notNull(), // the RFC 8707 resource the tokens are bound to
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    revokedReason: text("revoked_reason"), // "user", "refresh_token_reuse", "code_reuse"
  },
  (t) => [index("oauth_grants_user_id_idx").on(t.userId)],
);

/** Authorization codes, stored hashed; `usedAt` is set by one conditional UPDATE so a code works once. */
export const oauthCodes = sqliteTable("oauth_codes", {
  codeHash: text("code_hash").primaryKey(),
  clientId: text("client_id")
    .notNull()
    .references(() => oauthClients.id, { onDelete: "cascade" }),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  tenantId: text("tenant_id").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  codeChallenge: text("code_challenge").notNull(), // S256 only
  scopes: text("scopes").notNull(),
  toolSet: text("tool_set", { enum: ["compact", "complete"] })
    .notNull()
    .default("complete"), // the consent page's choice
  resource: text("resource").notNull(),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
  usedAt: integer("used_at"),
  grantId: text("grant_id"), // set on exchange, so a replayed code can revoke what it produced
});

/** Access and refresh tokens of a grant, stored as SHA-256 hashes. A used refresh token has been rotated. */
export const oauthTokens = sqliteTable(
  "oauth_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    grantId: text("grant_id")
      .notNull()
      .references(() => oauthGrants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["access", "refresh"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("oauth_tokens_grant_id_idx").on(t.grantId)],
);

export type OAuthClientRow = typeof oauthClients.$inferSelect;
export type OAuthGrantRow = typeof oauthGrants.$inferSelect;
export type OAuthCodeRow = typeof oauthCodes.$inferSelect;
