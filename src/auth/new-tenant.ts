import { tenants } from "../../schema";
import type { AuthDatabase } from "./database";

/** A readable, unique tenant slug for a new account: the email's local part plus random characters. */
export function tenantNameForEmail(email: string): string {
  const local = email
    .split("@")[0]
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const suffix = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
  return `${local || "user"}-${suffix}`;
}

/** Creates the tenant a signing-up person will own; better-auth then inserts the user row pointing at it. */
export async function createTenantFor(db: AuthDatabase, email: string, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(tenants).values({ id, name: tenantNameForEmail(email), createdAt: now });
  return id;
}
