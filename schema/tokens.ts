import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";
import { users } from "./users";

/**
 * Personal access tokens. Only the SHA-256 of the token is stored; the prefix and last four
 * characters let a person recognise a token in a list without it being usable.
 */
export const accessTokens = sqliteTable(
  "access_tokens",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(), // lowercase hex SHA-256
    displayPrefix: text("display_prefix").notNull(),
    lastFour: text("last_four").notNull(),
    scopes: text("scopes").notNull(), // space-separated, e.g. "read write"
    // What tools/list shows (src/auth/principal.ts ToolSet). The default is for rows from before the column, which
    // keep the full list; new tokens are written with the person's choice, compact unless they pick otherwise.
    toolSet: text("tool_set", { enum: ["compact", "complete"] })
      .notNull()
      .default("complete"),
    createdAt: integer("created_at").notNull(), // epoch ms
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [index("access_tokens_tenant_id_idx").on(t.tenantId)],
);

export type AccessTokenRow = typeof accessTokens.$inferSelect;
