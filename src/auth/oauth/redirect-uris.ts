import { OAuthError } from "./oauth-error";

/**
 * Redirect URI rules. Registration accepts https URLs, http only on loopback (RFC 8252 §7.3) and
 * private-use schemes of native apps (RFC 8252 §7.1); never a fragment, credentials, a wildcard or a
 * script-capable scheme. A host must be a real DNS name or IP literal: the WHATWG parser lets `;`, `,`
 * and `*` through, and a redirect URI's origin ends up in the consent page's CSP header.
 * Matching is exact string comparison, except that a loopback http URI matches on any port, because
 * native clients such as Claude Code listen on a port picked at run time.
 */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:", "about:", "ftp:", "ws:", "wss:"]);
export const MAX_REDIRECT_URIS = 10;
const MAX_URI_LENGTH = 2000;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function parse(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

/** A host name of dot-separated DNS labels (an IPv4 literal is one too); IPv6 only as loopback. */
export function isValidHostName(hostname: string): boolean {
  if (LOOPBACK_HOSTS.has(hostname)) return true;
  if (hostname.length === 0 || hostname.length > 253) return false;
  return hostname.split(".").every((label) => DNS_LABEL.test(label));
}

const isLoopbackHttp = (url: URL) => url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);

/** Why `uri` may not be used as a redirect URI, or null when it may. */
export function redirectUriProblem(uri: unknown): string | null {
  if (typeof uri !== "string" || uri.length === 0 || uri.length > MAX_URI_LENGTH) return "it must be a URL of at most 2000 characters";
  const url = parse(uri);
  if (!url) return "it is not an absolute URL";
  if (url.hash || uri.includes("#")) return "it must not contain a fragment";
  if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?]*@/i.test(uri)) return "it must not contain credentials";
  if (uri.includes("*")) return "it must not contain a wildcard";
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `the ${url.protocol} scheme cannot receive a redirect safely`;
  if (url.protocol === "http:" && !isLoopbackHttp(url))
    return "plain http is only allowed for loopback addresses (127.0.0.1, [::1], localhost)";
  if (url.protocol === "https:" && !url.hostname) return "it has no host";
  // Private-use schemes may omit the host (com.example.app:/cb); a host that is present must be a real one.
  if (url.hostname && !isValidHostName(url.hostname)) return `the host ${JSON.stringify(url.hostname)} is not a valid host name`;
  return null;
}

/** Throws invalid_redirect_uri for a URI a client may not register. */
export function checkRegistrableRedirectUri(uri: unknown): string {
  const problem = redirectUriProblem(uri);
  if (problem) throw new OAuthError("invalid_redirect_uri", `Redirect URI ${JSON.stringify(uri)} is not allowed: ${problem}.`);
  return uri as string;
}

/** The registered URI that `requested` matches, or null. A URI that breaks the registration rules never matches. */
export function matchRedirectUri(requested: string, registered: readonly string[]): string | null {
  if (redirectUriProblem(requested) !== null) return null;
  if (registered.includes(requested)) return requested;
  const want = parse(requested);
  if (!want || !isLoopbackHttp(want)) return null;
  for (const candidate of registered) {
    const have = parse(candidate);
    if (!have || !isLoopbackHttp(have)) continue;
    if (have.hostname === want.hostname && have.pathname === want.pathname && have.search === want.search) return candidate;
  }
  return null;
}
