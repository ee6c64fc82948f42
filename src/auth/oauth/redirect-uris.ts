import { OAuthError } from "./oauth-error";

/**
 * Redirect URI rules. Registration accepts https URLs, http only on loopback (RFC 8252 §7.3) and
 * private-use schemes of native apps (RFC 8252 §7.1); never a fragment or a script-capable scheme.
 * Matching is exact string comparison, except that a loopback http URI matches on any port, because
 * native clients such as Claude Code listen on a port picked at run time.
 */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
const FORBIDDEN_SCHEMES = new Set(["javascript:", "data:", "vbscript:", "file:", "blob:", "about:", "ftp:", "ws:", "wss:"]);
export const MAX_REDIRECT_URIS = 10;
const MAX_URI_LENGTH = 2000;

function parse(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

const isLoopbackHttp = (url: URL) => url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);

/** Throws invalid_redirect_uri for a URI a client may not register. */
export function checkRegistrableRedirectUri(uri: unknown): string {
  const bad = (why: string) => new OAuthError("invalid_redirect_uri", `Redirect URI ${JSON.stringify(uri)} is not allowed: ${why}.`);
  if (typeof uri !== "string" || uri.length === 0 || uri.length > MAX_URI_LENGTH) throw bad("it must be a URL of at most 2000 characters");
  const url = parse(uri);
  if (!url) throw bad("it is not an absolute URL");
  if (url.hash || uri.includes("#")) throw bad("it must not contain a fragment");
  if (url.username || url.password) throw bad("it must not contain credentials");
  if (FORBIDDEN_SCHEMES.has(url.protocol)) throw bad(`the ${url.protocol} scheme cannot receive a redirect safely`);
  if (url.protocol === "http:" && !isLoopbackHttp(url))
    throw bad("plain http is only allowed for loopback addresses (127.0.0.1, [::1], localhost)");
  if (url.protocol === "https:" && !url.hostname) throw bad("it has no host");
  return uri;
}

/** The registered URI that `requested` matches, or null. */
export function matchRedirectUri(requested: string, registered: readonly string[]): string | null {
  if (registered.includes(requested)) return requested;
  const want = parse(requested);
  if (!want || !isLoopbackHttp(want) || want.hash) return null;
  for (const candidate of registered) {
    const have = parse(candidate);
    if (!have || !isLoopbackHttp(have)) continue;
    if (have.hostname === want.hostname && have.pathname === want.pathname && have.search === want.search) return candidate;
  }
  return null;
}
