import { type DrizzleD1Database, drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema";

/** The auth tables through drizzle. */
export type AuthDatabase = DrizzleD1Database<typeof schema>;

// Building one walks the whole schema's relations (a few percent of a small call's CPU when done per request), so
// each D1 binding gets one for the isolate's life. Weak keys: a binding that goes away takes its instance with it.
const built = new WeakMap<D1Database, AuthDatabase>();

export function authDatabase(d1: D1Database): AuthDatabase {
  let db = built.get(d1);
  if (!db) {
    db = drizzle(d1, { schema });
    built.set(d1, db);
  }
  return db;
}
