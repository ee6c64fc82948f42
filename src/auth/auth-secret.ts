/**
 * The secret that signs sign-in cookies and CSRF tokens. Production sets BETTER_AUTH_SECRET with
 * `wrangler secret put`; without it, a fixed development secret is used, but only for hostnames that
 * can never be public (loopback, *.localhost, *.test), so a forgotten secret fails closed in production.
 */
export const DEV_AUTH_SECRET = "docx-edge-development-secret: only-for-loopback-and-test-hosts";
const MIN_SECRET_LENGTH = 32;

export class AuthConfigError extends Error {
  readonly kind = "auth_not_configured";
  constructor(message: string) {
    super(message);
    this.name = "AuthConfigError";
  }
}

export function isReservedDevelopmentHost(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname.endsWith(".localhost") ||
    hostname.endsWith(".test")
  );
}

export function authSecretFor(configured: string | undefined, origin: string): string {
  if (configured) {
    if (configured.length < MIN_SECRET_LENGTH)
      throw new AuthConfigError(`BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters.`);
    return configured;
  }
  if (isReservedDevelopmentHost(new URL(origin).hostname)) return DEV_AUTH_SECRET;
  throw new AuthConfigError("Accounts are not configured: set BETTER_AUTH_SECRET with `wrangler secret put BETTER_AUTH_SECRET`.");
}
