import type { AuthDatabase } from "../database";
import { isScope, SCOPES, type Scope } from "../principal";
import { type ClientDocumentPolicy, documentClient, isClientIdUrl } from "./client-metadata-documents";
import { findClient, type OAuthClient } from "./clients";
import { isOAuthError, type OAuthFailure } from "./oauth-error";
import { isCodeChallenge } from "./pkce";
import { matchRedirectUri } from "./redirect-uris";

/** A validated request to /oauth/authorize: everything the consent page shows and the code records. */
export interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string | null;
  codeChallenge: string;
  scopes: Scope[];
  resource: string;
}

/**
 * Either a valid request, or a failure. `redirect` is only set once the client and redirect URI have
 * been verified, so an error can never be used to bounce a browser to an unregistered address.
 */
export type AuthorizationCheck =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; failure: OAuthFailure; redirect?: { uri: string; state: string | null } };

export type AuthorizationParams = Record<string, string | undefined>;

/** Requested scopes: none means everything this server offers; unknown words are ignored, nothing known is an error. */
function requestedScopes(scope: string | undefined): Scope[] | null {
  if (scope === undefined || scope.trim() === "") return [...SCOPES];
  const known = [...new Set(scope.split(" ").filter(isScope))];
  return known.length > 0 ? SCOPES.filter((s) => known.includes(s)) : null;
}

/** A registered client by id, or the client a metadata document describes (when documents are accepted). */
async function clientFor(
  db: AuthDatabase,
  clientId: string,
  documents: ClientDocumentPolicy | undefined,
): Promise<OAuthClient | OAuthFailure | null> {
  if (!documents || !isClientIdUrl(clientId)) return findClient(db, clientId);
  try {
    return await documentClient(db, clientId, documents);
  } catch (error) {
    if (isOAuthError(error)) return error.failure;
    throw error;
  }
}

/** Without `documents`, a URL client_id is simply unknown: only registered clients are served. */
export async function checkAuthorizationRequest(
  db: AuthDatabase,
  params: AuthorizationParams,
  mcpResource: string,
  documents?: ClientDocumentPolicy,
): Promise<AuthorizationCheck> {
  const client = await clientFor(db, params.client_id ?? "", documents);
  if (client && "code" in client) return { ok: false, failure: client };
  if (!client)
    return {
      ok: false,
      failure: { code: "invalid_client", description: "This app is not registered with docx-edge (unknown client_id)." },
    };
  const requested = params.redirect_uri ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
  if (requested === undefined)
    return {
      ok: false,
      failure: { code: "invalid_request", description: "redirect_uri is required because this app registered several." },
    };
  const redirectUri = matchRedirectUri(requested, client.redirectUris) ? requested : null;
  if (!redirectUri)
    return {
      ok: false,
      failure: { code: "invalid_redirect_uri", description: "The redirect_uri does not match any URI this app registered." },
    };

  const state = params.state ?? null;
  const fail = (code: OAuthFailure["code"], description: string): AuthorizationCheck => ({
    ok: false,
    failure: { code, description },
    redirect: { uri: redirectUri, state },
  });
  if (params.response_type !== "code") return fail("unsupported_response_type", 'Only response_type "code" is supported.');
  if (!params.code_challenge) return fail("invalid_request", "PKCE is required: send code_challenge and code_challenge_method=S256.");
  if (params.code_challenge_method !== "S256") return fail("invalid_request", "Only code_challenge_method S256 is supported.");
  if (!isCodeChallenge(params.code_challenge)) return fail("invalid_request", "code_challenge must be 43 base64url characters (S256).");
  const scopes = requestedScopes(params.scope);
  if (!scopes) return fail("invalid_scope", `Unknown scope; this server offers: ${SCOPES.join(", ")}.`);
  const resource = params.resource ?? mcpResource;
  if (resource !== mcpResource) return fail("invalid_target", `This server only issues tokens for ${mcpResource}.`);
  return { ok: true, request: { client, redirectUri, state, codeChallenge: params.code_challenge, scopes, resource } };
}
