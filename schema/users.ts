import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenants } from "./tenants";

/** A person acting inside one tenant. Login accounts (better-auth) attach to this row later. */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(), // epoch ms
  },
  (t) => [index("users_tenant_id_idx").on(t.tenantId)],
);

export type UserRow = typeof users.$inferSelect;
