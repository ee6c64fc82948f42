import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { betterAuth } from "better-auth/minimal";
import { authAccounts, authRateLimits, authSessions, authVerifications, users } from "../../schema";
import { authDatabase } from "./database";
import { createTenantFor } from "./new-tenant";
import { hashPassword, verifyPassword } from "./password";

/** Where better-auth's handler is reached internally; the dashboard calls it, it is not mounted on its own. */
export const ACCOUNTS_BASE_PATH = "/auth";
export const MIN_PASSWORD_LENGTH = 10;
export const SIGN_IN_LIMIT = { window: 60, max: 5 };

export interface AccountsConfig {
  /** The public origin, e.g. https://docx.example.com; cookies are Secure exactly when it is https. */
  origin: string;
  secret: string;
}

/**
 * better-auth for email + password accounts on D1. better-auth's `user` model is our `users` table with
 * an extra tenantId, filled by a hook that first creates the tenant the new person owns.
 */
export function createAccounts(d1: D1Database, config: AccountsConfig) {
  const db = authDatabase(d1);
  const secure = config.origin.startsWith("https://");
  return betterAuth({
    appName: "docx-edge",
    baseURL: config.origin,
    basePath: ACCOUNTS_BASE_PATH,
    secret: config.secret,
    trustedOrigins: [config.origin],
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: { users, authSessions, authAccounts, authVerifications, authRateLimits },
      transaction: false, // D1 rejects BEGIN
    }),
    user: {
      modelName: "users",
      // Not "required": better-auth checks required fields before hooks run; the column is NOT NULL and the hook fills it.
      additionalFields: { tenantId: { type: "string", required: false, input: false } },
    },
    session: { modelName: "authSessions", expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: "authAccounts" },
    verification: { modelName: "authVerifications" },
    emailAndPassword: {
      enabled: true,
      // Sign-up never signs in, so a new address and a taken one answer alike (better-auth then hashes for both).
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimits",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_LIMIT, "/sign-up/email": { window: 3600, max: 20 } },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({ data: { ...user, tenantId: await createTenantFor(db, user.email) } }),
        },
      },
    },
    advanced: {
      cookiePrefix: "docx-edge",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      // Cloudflare sets this header on every request and overwrites any value a client sends.
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
    },
    telemetry: { enabled: false },
  });
}

export type Accounts = ReturnType<typeof createAccounts>;
