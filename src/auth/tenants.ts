import { eq } from "drizzle-orm";
import { tenants, users } from "../../schema";
import type { AuthDatabase } from "./database";

/** Tenant names are short slugs: they appear in emails, logs and CLI flags. */
const TENANT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function validateTenantName(name: string): string {
  if (!TENANT_NAME.test(name)) {
    throw new Error(
      `Invalid tenant name ${JSON.stringify(name)}: use 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`,
    );
  }
  return name;
}

/**
 * Finds or creates a tenant and its owner user (owner@<tenant>.localhost until real sign-up exists).
 * Idempotent, so the token script and tests can call it repeatedly.
 */
export async function ensureTenantAndUser(
  db: AuthDatabase,
  tenantName: string,
  now: number = Date.now(),
): Promise<{ tenantId: string; userId: string }> {
  validateTenantName(tenantName);
  const email = `owner@${tenantName}.localhost`;
  // Insert-if-absent then read back, so a concurrent creator's row wins and both callers agree.
  await db.insert(tenants).values({ id: crypto.randomUUID(), name: tenantName, createdAt: now }).onConflictDoNothing();
  const tenant = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.name, tenantName)).get();
  if (!tenant) throw new Error(`Tenant ${tenantName} vanished while being created.`);
  await db
    .insert(users)
    .values({ id: crypto.randomUUID(), tenantId: tenant.id, email, name: `${tenantName} owner`, createdAt: new Date(now) })
    .onConflictDoNothing();
  const user = await db.select({ id: users.id, tenantId: users.tenantId }).from(users).where(eq(users.email, email)).get();
  if (!user || user.tenantId !== tenant.id) throw new Error(`User ${email} belongs to another tenant.`);
  return { tenantId: tenant.id, userId: user.id };
}
