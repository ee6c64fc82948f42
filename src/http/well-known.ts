import { Hono } from "hono";
import { SCOPES } from "../auth";

/** Where clients find out how to authenticate to /mcp (RFC 9728); named in every 401. */
export const PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";

export function protectedResourceMetadataUrl(origin: string): string {
  return `${origin}${PROTECTED_RESOURCE_PATH}/mcp`;
}

/** OAuth 2.0 Protected Resource Metadata for the MCP endpoint; authorization_servers arrives with OAuth. */
function protectedResourceMetadata(origin: string) {
  return {
    resource: `${origin}/mcp`,
    bearer_methods_supported: ["header"],
    scopes_supported: [...SCOPES],
    resource_name: "docx-edge",
  };
}

export const wellKnownRoutes = new Hono();

// Both paths: RFC 9728 inserts the resource path after the well-known name, older clients ask for the bare one.
for (const path of [PROTECTED_RESOURCE_PATH, `${PROTECTED_RESOURCE_PATH}/mcp`]) {
  wellKnownRoutes.get(path, (c) => {
    c.header("Access-Control-Allow-Origin", "*"); // browser-based MCP clients fetch this cross-origin
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(protectedResourceMetadata(new URL(c.req.url).origin));
  });
}
