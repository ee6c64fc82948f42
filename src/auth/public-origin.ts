import { AuthConfigError, isReservedDevelopmentHost } from "./auth-secret";

/** The origin the OAuth issuer, its endpoints and the MCP resource URL are built from. */
export interface PublicOrigin {
  origin: string;
  /** False when taken from a development request (loopback, *.localhost, *.test); such answers must not be cached publicly. */
  configured: boolean;
}

/**
 * The deployment's public origin comes from PUBLIC_ORIGIN, never from the request's Host header, so a
 * forged Host cannot rename the issuer or poison a cached metadata document. Without the setting only
 * hosts that can never be public fall back to the request's own origin (local development and tests).
 */
export function resolvePublicOrigin(configured: string | undefined, requestUrl: string): PublicOrigin {
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      throw new AuthConfigError(`PUBLIC_ORIGIN must be an origin such as https://docx.example.com, not ${JSON.stringify(configured)}.`);
    }
    const secure = url.protocol === "https:" || (url.protocol === "http:" && isReservedDevelopmentHost(url.hostname));
    if (!secure || url.pathname !== "/" || url.search || url.hash || url.username) {
      throw new AuthConfigError(
        `PUBLIC_ORIGIN must be an https origin with no path, such as https://docx.example.com (got ${configured}).`,
      );
    }
    return { origin: url.origin, configured: true };
  }
  const request = new URL(requestUrl);
  if (isReservedDevelopmentHost(request.hostname)) return { origin: request.origin, configured: false };
  throw new AuthConfigError("OAuth is not configured: set PUBLIC_ORIGIN (wrangler.toml [vars]) to this deployment's https origin.");
}
