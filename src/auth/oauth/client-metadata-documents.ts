import { eq } from "drizzle-orm";
import { oauthClients } from "../../../schema";
import type { AuthDatabase } from "../database";
import { clientName, homePage, type OAuthClient } from "./clients";
import { OAuthError } from "./oauth-error";
import { checkRegistrableRedirectUri, isValidHostName, MAX_REDIRECT_URIS } from "./redirect-uris";

/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document, MCP 2026-07-28): the
 * client_id is an https URL and the JSON document there describes the client. Fetching a URL a stranger
 * chose is server-side request forgery waiting to happen, so the fetch is narrow: https only, no IP
 * literal of a private, loopback or link-local network, no redirects, 5 KB and 5 seconds at most.
 * Workers expose no DNS resolution, so a public name that resolves to a private address is stopped by
 * the platform (a Worker's fetch only reaches the public internet), not here.
 */
export interface ClientDocumentPolicy {
  fetch: typeof fetch;
  /** Development only: also accept http documents on loopback (the e2e's local client server). */
  allowLoopback: boolean;
  /** Asked before each download (not for a cached document): false when the caller has fetched too many. */
  mayFetch?: () => Promise<boolean>;
}

const MAX_DOCUMENT_BYTES = 5 * 1024;
const FETCH_TIMEOUT_MS = 5000;
const DEFAULT_CACHE_MS = 60 * 60 * 1000;
const MAX_CACHE_MS = 24 * 60 * 60 * 1000;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A client_id in URL form; registered clients have UUIDs, so the two never collide. */
export const isClientIdUrl = (clientId: string) => /^https?:\/\//i.test(clientId);

const refused = (why: string) => new OAuthError("invalid_client", `The client ID metadata document cannot be used: ${why}.`);

/** IPv4 ranges a document may never be fetched from: this host, private, shared (CGNAT), link-local, multicast. */
function isNonPublicIPv4(hostname: string): boolean {
  const parts = hostname.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255) || !/^[\d.]+$/.test(hostname)) return false;
  const [a, b] = parts;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168) ||
    a >= 224
  );
}

/** Why `clientId` cannot name a metadata document, or null. */
export function clientIdUrlProblem(clientId: string, allowLoopback: boolean): string | null {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return "the client_id is not a URL";
  }
  const loopback = allowLoopback && url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !loopback) return "the client_id must be an https URL";
  if (url.username || url.password) return "the client_id must not contain credentials";
  if (url.hash || clientId.includes("#")) return "the client_id must not contain a fragment";
  if (url.pathname === "/" || /\/\.\.?(\/|$)/.test(clientId.replace(/[?].*$/, "")))
    return "the client_id needs a path without dot segments";
  if (clientId.length > 2000) return "the client_id is longer than 2000 characters";
  if (loopback) return null;
  if (url.hostname.startsWith("[")) return "the client_id must name a host, not an IPv6 address";
  if (isNonPublicIPv4(url.hostname)) return "the client_id points to a private, loopback or link-local address";
  if (LOOPBACK.has(url.hostname) || /\.(localhost|local|internal)$/.test(url.hostname)) return "the client_id points to a local host";
  if (!isValidHostName(url.hostname)) return "the client_id's host is not a valid host name";
  return null;
}

/** Reads at most MAX_DOCUMENT_BYTES, cancelling the download beyond that. */
async function cappedText(response: Response): Promise<string> {
  if (Number(response.headers.get("content-length") ?? "0") > MAX_DOCUMENT_BYTES) throw refused("the document is larger than 5 KB");
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw refused("the document is larger than 5 KB");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** How long the document may be reused, from its Cache-Control: no-store means every time, at most a day. */
function cacheLifetimeMs(cacheControl: string | null): number {
  if (!cacheControl) return DEFAULT_CACHE_MS;
  if (/\b(no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const maxAge = cacheControl.match(/\bmax-age=(\d+)/i)?.[1];
  return maxAge === undefined ? DEFAULT_CACHE_MS : Math.min(Number(maxAge) * 1000, MAX_CACHE_MS);
}

async function download(clientId: string, policy: ClientDocumentPolicy): Promise<{ document: unknown; lifetimeMs: number }> {
  if (policy.mayFetch && !(await policy.mayFetch())) throw refused("too many clients were looked up from your address; retry in a minute");
  let response: Response;
  try {
    response = await policy.fetch(clientId, {
      redirect: "manual",
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch {
    throw refused("it could not be fetched within 5 seconds");
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw refused("its URL redirects, and redirects are not followed");
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw refused(`fetching it answered HTTP ${response.status}`);
  }
  const text = await cappedText(response);
  try {
    return { document: JSON.parse(text), lifetimeMs: cacheLifetimeMs(response.headers.get("cache-control")) };
  } catch {
    throw refused("it is not JSON");
  }
}

/** The client a document describes, after checking it names itself and asks only for what public clients may. */
function clientFromDocument(clientId: string, document: unknown, now: number): OAuthClient {
  if (!document || typeof document !== "object" || Array.isArray(document)) throw refused("it is not a JSON object");
  const metadata = document as Record<string, unknown>;
  if (metadata.client_id !== clientId) throw refused("its client_id is not exactly the URL that served it");
  if (metadata.client_secret !== undefined || metadata.client_secret_expires_at !== undefined)
    throw refused("a metadata document must not carry a client secret");
  const method = metadata.token_endpoint_auth_method ?? "none";
  if (method !== "none") throw refused('token_endpoint_auth_method must be "none" (this server has only public clients)');
  const uris = metadata.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || uris.length > MAX_REDIRECT_URIS)
    throw refused(`redirect_uris must list 1 to ${MAX_REDIRECT_URIS} URIs`);
  let redirectUris: string[];
  let name: string;
  try {
    redirectUris = uris.map(checkRegistrableRedirectUri);
    name = clientName(metadata.client_name);
  } catch (error) {
    throw error instanceof OAuthError ? refused(error.message) : error;
  }
  return { clientId, name, redirectUris: [...new Set(redirectUris)], clientUri: homePage(metadata.client_uri), createdAt: now };
}

/**
 * The client behind a URL client_id: from the cached row while its document is fresh, otherwise fetched,
 * validated and stored again (grants reference the row, and Connected apps lists it by name).
 */
export async function documentClient(
  db: AuthDatabase,
  clientId: string,
  policy: ClientDocumentPolicy,
  now = Date.now(),
): Promise<OAuthClient> {
  const problem = clientIdUrlProblem(clientId, policy.allowLoopback);
  if (problem) throw refused(problem);
  const cached = await db.select().from(oauthClients).where(eq(oauthClients.id, clientId)).get();
  if (cached?.documentExpiresAt && cached.documentExpiresAt > now) {
    return {
      clientId,
      name: cached.name,
      redirectUris: JSON.parse(cached.redirectUris) as string[],
      clientUri: cached.clientUri,
      createdAt: cached.createdAt,
    };
  }
  const { document, lifetimeMs } = await download(clientId, policy);
  const client = clientFromDocument(clientId, document, cached?.createdAt ?? now);
  const row = {
    name: client.name,
    redirectUris: JSON.stringify(client.redirectUris),
    clientUri: client.clientUri,
    documentExpiresAt: now + lifetimeMs,
  };
  await db
    .insert(oauthClients)
    .values({ id: clientId, createdAt: client.createdAt, ...row })
    .onConflictDoUpdate({ target: oauthClients.id, set: row });
  return client;
}
