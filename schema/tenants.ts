import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A customer organisation; every library file, session and token belongs to exactly one. */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: integer("created_at").notNull(), // epoch ms
});

export type TenantRow = typeof tenants.$inferSelect;
