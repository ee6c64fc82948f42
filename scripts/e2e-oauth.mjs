// End-to-end: the OAuth flow as claude.ai runs it. Discovery from a 401, a client identity (dynamic registration,
// or a client ID metadata document served by a local test server), authorization in the browser (sign in +
// consent), token exchange, an MCP tool call, a refresh, and refresh-token reuse detection.

import { createServer } from "node:http";

import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { newContext, screenshots, step } from "./e2e-support.mjs";

const CALLBACK = "https://claude.ai/api/mcp/auth_callback";

/** The SDK's OAuth client hooks, kept in memory; "redirecting" only records the URL for the browser to open. */
class RecordingAuthProvider {
  redirectUrl = CALLBACK;
  /** With a client ID metadata document, the client_id is the document's URL and nothing is registered. */
  constructor(clientName, documentUrl) {
    this.clientMetadata = { ...this.clientMetadata, client_name: clientName };
    if (documentUrl) this.client = { client_id: documentUrl };
  }
  clientMetadata = {
    client_name: "Claude (e2e)",
    redirect_uris: [CALLBACK],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
  state() {
    return "e2e-state";
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(client) {
    this.client = client;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/**
 * Serves a client ID metadata document on loopback, as claude.ai serves its own over https. The SDK only
 * takes https document URLs itself, so the provider starts with the URL as its client_id, which is what
 * the SDK does with an https one; the server fetches it because wrangler dev runs with CIMD_ALLOW_LOOPBACK.
 */
export async function serveClientDocument(clientName) {
  const server = createServer((request, response) => {
    const url = `http://127.0.0.1:${server.address().port}${request.url}`;
    response.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=60" });
    response.end(
      JSON.stringify({ client_id: url, client_name: clientName, redirect_uris: [CALLBACK], token_endpoint_auth_method: "none" }),
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/oauth/client-metadata.json`, close: () => server.close() };
}

async function refresh(baseUrl, clientId, refreshToken) {
  const response = await fetch(new URL("/oauth/token", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      client_id: clientId,
      resource: new URL("/mcp", baseUrl).href,
    }),
  });
  return { status: response.status, body: await response.json() };
}

async function listWith(baseUrl, accessToken) {
  const client = new Client({ name: "docx-edge-e2e-oauth", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit: { headers: { authorization: `Bearer ${accessToken}` } } }),
  );
  const result = await client.callTool({ name: "document_list", arguments: {} });
  await client.close();
  return result;
}

/** One claude.ai connection; `documentUrl` makes the client a client ID metadata document instead of a registration. */
export async function oauthScenario(browser, baseUrl, account, { clientName = "Claude (e2e)", documentUrl } = {}) {
  const how = documentUrl ? "metadata document" : "registration";
  const mcpUrl = new URL("/mcp", baseUrl);
  const unauthorized = await fetch(mcpUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const metadataUrl = unauthorized.headers.get("www-authenticate")?.match(/resource_metadata="([^"]+)"/)?.[1];
  step("/mcp without a token answers 401 naming its resource metadata", unauthorized.status === 401 && Boolean(metadataUrl), metadataUrl);
  const resource = await (await fetch(metadataUrl)).json();
  step("protected resource metadata names the MCP URL exactly", resource.resource === mcpUrl.href, resource.resource);
  const server = await (await fetch(new URL("/.well-known/oauth-authorization-server", resource.authorization_servers[0]))).json();
  step(
    "authorization server metadata offers PKCE S256, registration and client ID metadata documents",
    server.code_challenge_methods_supported?.join() === "S256" &&
      Boolean(server.registration_endpoint) &&
      server.client_id_metadata_document_supported === true &&
      server.token_endpoint_auth_methods_supported?.includes("none"),
  );

  const provider = new RecordingAuthProvider(clientName, documentUrl);
  const first = new Client({ name: "docx-edge-e2e-oauth", version: "1.0.0" });
  const error = await first.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider })).catch((e) => e);
  step(
    `the SDK client discovers, ${documentUrl ? "uses its document URL as client_id" : "registers"} and asks for authorization`,
    error instanceof UnauthorizedError &&
      Boolean(provider.client?.client_id) &&
      (!documentUrl || provider.client.client_id === documentUrl),
  );
  const authorizeUrl = provider.authorizationUrl;
  step(
    "the authorization request uses S256 and names the resource",
    authorizeUrl?.searchParams.get("code_challenge_method") === "S256" && authorizeUrl?.searchParams.get("resource") === mcpUrl.href,
  );

  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(authorizeUrl.href);
  step("authorization asks a signed-out person to sign in", new URL(page.url()).pathname === "/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/oauth/authorize?**");
  step(`the consent page shows the client name from the ${how}`, (await page.locator(".client").textContent()) === clientName);
  await screenshots(page, documentUrl ? "consent-document" : "consent");
  // The redirect to claude.ai is observed as a request; the page itself cannot load it (no network here).
  const callback = page.waitForEvent("request", (request) => request.url().startsWith(CALLBACK));
  await page.getByRole("button", { name: "Allow" }).click();
  const returned = new URL((await callback).url());
  step(
    "Allow returns a code and the state to claude.ai's callback",
    /^dxc_/.test(returned.searchParams.get("code") ?? "") && returned.searchParams.get("state") === "e2e-state",
  );
  step("the callback carries iss equal to the metadata's issuer (RFC 9207)", returned.searchParams.get("iss") === server.issuer);

  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
  await transport.finishAuth(returned.searchParams.get("code"));
  const tokens = provider.tokens();
  step(
    "the code is exchanged for access and refresh tokens",
    /^dxa_/.test(tokens?.access_token ?? "") && /^dxr_/.test(tokens?.refresh_token ?? ""),
  );
  const client = new Client({ name: "docx-edge-e2e-oauth", version: "1.0.0" });
  await client.connect(transport);
  const listed = await client.callTool({ name: "document_list", arguments: {} });
  step(
    "an MCP tool call works with the OAuth access token, in the same tenant as the dashboard token",
    listed.structuredContent?.sessions?.some((s) => s.title === "E2E draft"),
  );
  await client.close();

  await page.goto(baseUrl + "/dashboard/apps");
  step("the connected apps page lists the client", (await page.content()).includes(clientName));
  if (!documentUrl) await screenshots(page, "apps");

  const clientId = provider.client.client_id;
  const rotated = await refresh(baseUrl, clientId, tokens.refresh_token);
  step("refresh issues a new pair", rotated.status === 200 && rotated.body.refresh_token !== tokens.refresh_token);
  step("the refreshed access token works", !(await listWith(baseUrl, rotated.body.access_token)).isError);
  const reuse = await refresh(baseUrl, clientId, tokens.refresh_token);
  step("reusing the old refresh token is refused with invalid_grant", reuse.status === 400 && reuse.body.error === "invalid_grant");
  const family = await refresh(baseUrl, clientId, rotated.body.refresh_token);
  step("and revokes the whole family, including the newest refresh token", family.body.error === "invalid_grant");
  const afterReuse = await fetch(mcpUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${rotated.body.access_token}`, "content-type": "application/json" },
    body: "{}",
  });
  step("and its access tokens", afterReuse.status === 401);
  return { context, page };
}
