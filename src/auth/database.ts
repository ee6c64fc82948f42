import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema";

/** The auth tables through drizzle. Cheap to build, so callers make one per request from the D1 binding. */
export type AuthDatabase = DrizzleD1Database<typeof schema>;

export function authDatabase(d1: D1Database): AuthDatabase {
  return drizzle(d1, { schema });
}
