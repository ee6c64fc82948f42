import { type Context, Hono } from "hono";
import { SCOPES } from "../auth";
import type { AppEnv } from "./app-env";
import { publicOriginOf } from "./public-origin";

/** Where clients find out how to authenticate to /mcp (RFC 9728); named in every 401. */
export const PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";

export function protectedResourceMetadataUrl(origin: string): string {
  return `${origin}${PROTECTED_RESOURCE_PATH}/mcp`;
}

/** The MCP endpoint's URL: the RFC 8707 resource every OAuth access token is bound to. */
export function mcpResourceUrl(origin: string): string {
  return `${origin}/mcp`;
}

/** OAuth 2.0 Protected Resource Metadata (RFC 9728) for the MCP endpoint; this Worker is its authorization server. */
function protectedResourceMetadata(origin: string) {
  return {
    resource: mcpResourceUrl(origin),
    authorization_servers: [origin],
    bearer_methods_supported: ["header"],
    scopes_supported: [...SCOPES],
    resource_name: "docx-edge",
  };
}

/** OAuth 2.0 Authorization Server Metadata (RFC 8414); the issuer is the public origin, so the document sits at the root. */
function authorizationServerMetadata(origin: string) {
  return {
    issuer: origin,
    authorization_endpoint: `${origin}/oauth/authorize`,
    token_endpoint: `${origin}/oauth/token`,
    registration_endpoint: `${origin}/oauth/register`,
    revocation_endpoint: `${origin}/oauth/revoke`,
    response_types_supported: ["code"],
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none"],
    revocation_endpoint_auth_methods_supported: ["none"],
    scopes_supported: [...SCOPES],
    authorization_response_iss_parameter_supported: true,
    client_id_metadata_document_supported: true,
  };
}

export const wellKnownRoutes = new Hono<AppEnv>();

/** The origin the documents name, with caching allowed only when it is configured rather than taken from the request. */
function documentOrigin(c: Context<AppEnv>): string {
  const { origin, configured } = publicOriginOf(c);
  c.header("Access-Control-Allow-Origin", "*"); // browser-based MCP clients fetch these cross-origin
  c.header("Cache-Control", configured ? "public, max-age=3600" : "no-store");
  return origin;
}

wellKnownRoutes.get("/.well-known/oauth-authorization-server", (c) => c.json(authorizationServerMetadata(documentOrigin(c))));

// Both paths: RFC 9728 inserts the resource path after the well-known name, older clients ask for the bare one.
for (const path of [PROTECTED_RESOURCE_PATH, `${PROTECTED_RESOURCE_PATH}/mcp`]) {
  wellKnownRoutes.get(path, (c) => c.json(protectedResourceMetadata(documentOrigin(c))));
}
