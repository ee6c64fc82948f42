import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { workerFetch } from "../support/mcp-client";
import { location, TestBrowser } from "./browser";
import { authorizeUrl, CLAUDE_CALLBACK, callbackParams, consent, MCP_URL, pkcePair, registerClient } from "./oauth-client";

async function validParams(redirectUri = CLAUDE_CALLBACK, metadata: Record<string, unknown> = {}) {
  const { body } = await registerClient({ redirect_uris: [redirectUri], ...metadata });
  const { challenge } = await pkcePair();
  return {
    response_type: "code",
    client_id: body.client_id,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "xyz",
    resource: MCP_URL,
  };
}

async function signedIn(email: string) {
  const browser = new TestBrowser();
  await browser.signUp(email);
  return browser;
}

describe("OAuth discovery", () => {
  it("answers an unauthenticated /mcp with 401 naming the protected resource metadata, whose resource is the MCP URL exactly", async () => {
    const response = await workerFetch("/mcp", { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    const header = response.headers.get("www-authenticate")!;
    const metadataUrl = header.match(/resource_metadata="([^"]+)"/)![1];
    expect(metadataUrl).toBe("https://docx-edge.test/.well-known/oauth-protected-resource/mcp");
    const metadata = (await (await workerFetch(metadataUrl)).json()) as Record<string, any>;
    expect(metadata.resource).toBe(MCP_URL);
    expect(metadata.authorization_servers).toEqual(["https://docx-edge.test"]);
  });

  it("publishes RFC 8414 metadata offering only the code flow, PKCE S256 and public clients", async () => {
    const metadata = (await (await workerFetch("/.well-known/oauth-authorization-server")).json()) as Record<string, any>;
    expect(metadata).toMatchObject({
      issuer: "https://docx-edge.test",
      authorization_endpoint: "https://docx-edge.test/oauth/authorize",
      token_endpoint: "https://docx-edge.test/oauth/token",
      registration_endpoint: "https://docx-edge.test/oauth/register",
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none"],
      grant_types_supported: ["authorization_code", "refresh_token"],
    });
  });
});

describe("dynamic client registration (RFC 7591)", () => {
  it("registers claude.ai and claude.com callbacks as public clients", async () => {
    for (const uri of [CLAUDE_CALLBACK, "https://claude.com/api/mcp/auth_callback"]) {
      const { status, body } = await registerClient({ redirect_uris: [uri] });
      expect(status).toBe(201);
      expect(body).toMatchObject({ redirect_uris: [uri], token_endpoint_auth_method: "none", client_name: "Claude" });
      expect(body.client_secret).toBeUndefined();
    }
  });

  it.each([
    ["http://evil.example/cb", "plain http off loopback lets a network attacker read the code"],
    ["javascript:alert(1)", "a script URL would run in the page that follows the redirect"],
    ["https://app.example/cb#frag", "fragments are forbidden by RFC 6749 §3.1.2"],
    ["/relative/cb", "relative URIs cannot be matched exactly"],
  ])("refuses redirect URI %s (%s)", async (uri) => {
    const { status, body } = await registerClient({ redirect_uris: [uri] });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_redirect_uri");
  });

  it("refuses grant types other than the code flow and refresh (no implicit or password grants)", async () => {
    const { status, body } = await registerClient({ grant_types: ["implicit"] });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_client_metadata");
  });
});

describe("authorization endpoint", () => {
  it("sends a signed-out person to sign in and back to the same authorization request", async () => {
    const params = await validParams();
    const response = await new TestBrowser().get(authorizeUrl(params));
    const next = new URL(location(response)!, "https://x").searchParams.get("next")!;
    expect(next).toBe(authorizeUrl(params));
    expect(location(response)!.startsWith("/signin?")).toBe(true);
  });

  it("shows the client's registered name, never a name from the query string (impersonation)", async () => {
    const params = await validParams(CLAUDE_CALLBACK, { client_name: "Registered Name" });
    const browser = await signedIn("consent-name@example.com");
    await browser.get(authorizeUrl({ ...params, client_name: "Your Bank" }));
    expect(browser.lastPage).toContain("Registered Name");
    expect(browser.lastPage).not.toContain("Your Bank");
    expect(browser.lastPage).toContain("<strong>read</strong>");
    expect(browser.lastPage).toContain("<strong>write</strong>");
  });

  it("cannot be framed (clickjacking the Allow button)", async () => {
    const browser = await signedIn("consent-frame@example.com");
    const page = await browser.get(authorizeUrl(await validParams()));
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses a consent POST without the page's CSRF token (forced consent)", async () => {
    const params = await validParams();
    const browser = await signedIn("consent-csrf@example.com");
    const response = await browser.post("/oauth/authorize", { ...params, decision: "allow" }, { csrf: null });
    expect(response.status).toBe(403);
    expect(location(response)).toBeNull();
  });

  it("issues a code to the exact redirect URI with state and iss after Allow", async () => {
    const params = await validParams();
    const browser = await signedIn("consent-allow@example.com");
    const redirect = await consent(browser, params);
    expect(redirect.status).toBe(303);
    expect(location(redirect)!.startsWith(`${CLAUDE_CALLBACK}?`)).toBe(true);
    const query = callbackParams(redirect);
    expect(query.get("code")).toMatch(/^dxc_/);
    expect(query.get("state")).toBe("xyz");
    expect(query.get("iss")).toBe("https://docx-edge.test");
  });

  it("offers the tool set choice, compact checked, and refuses a tampered value without issuing a code", async () => {
    const params = await validParams();
    const browser = await signedIn("consent-tool-set@example.com");
    await browser.get(authorizeUrl(params));
    expect(browser.lastPage).toMatch(/<input type="radio" name="tool_set" value="compact" checked \/> compact \(recommended; \d+ tools/);
    expect(browser.lastPage).toMatch(/<input type="radio" name="tool_set" value="complete" +\/> complete docx-mcp set \(48 tools/);
    const refused = await consent(browser, params, "allow", { tool_set: "all" });
    expect(refused.status).toBe(400);
    expect(location(refused)).toBeNull();
    expect(browser.lastPage).toContain("Choose which tools agents see: compact or complete.");
    const codes = await env.DB.prepare("SELECT count(*) AS n FROM oauth_codes WHERE client_id = ?").bind(params.client_id).first();
    expect(codes).toEqual({ n: 0 });
  });

  it("returns access_denied to the client after Deny", async () => {
    const browser = await signedIn("consent-deny@example.com");
    const query = callbackParams(await consent(browser, await validParams(), "deny"));
    expect(query.get("error")).toBe("access_denied");
    expect(query.get("code")).toBeNull();
  });

  it.each([
    ["a different path", "https://claude.ai/api/mcp/other"],
    ["a different host", "https://claude.ai.evil.example/api/mcp/auth_callback"],
    ["an extra query", `${CLAUDE_CALLBACK}?next=https://evil.example`],
    ["a trailing slash", `${CLAUDE_CALLBACK}/`],
  ])("matches redirect URIs exactly: %s is refused on a page, never redirected to (code theft)", async (_, uri) => {
    const browser = await signedIn(`redirect-${Math.random()}@example.com`);
    const response = await browser.get(authorizeUrl({ ...(await validParams()), redirect_uri: uri }));
    expect(response.status).toBe(400);
    expect(location(response)).toBeNull();
  });

  it("matches a registered loopback redirect URI on any port (Claude Code) but not on another path", async () => {
    const params = await validParams("http://127.0.0.1/callback");
    const browser = await signedIn("loopback@example.com");
    const redirect = await consent(browser, { ...params, redirect_uri: "http://127.0.0.1:53682/callback" });
    expect(location(redirect)!.startsWith("http://127.0.0.1:53682/callback?code=dxc_")).toBe(true);
    const other = await browser.get(authorizeUrl({ ...params, redirect_uri: "http://127.0.0.1:53682/elsewhere" }));
    expect(other.status).toBe(400);
    const localhost = await validParams("http://localhost:3000/cb");
    expect((await consent(browser, { ...localhost, redirect_uri: "http://localhost:41000/cb" })).status).toBe(303);
  });

  it("never redirects for an unknown client, even on deny (open redirect)", async () => {
    const browser = await signedIn("open-redirect@example.com");
    const unknown = { ...(await validParams()), client_id: "no-such-client", redirect_uri: "https://evil.example/" };
    expect(location(await browser.get(authorizeUrl(unknown)))).toBeNull();
    await browser.get("/dashboard/tokens");
    const denied = await browser.post("/oauth/authorize", { ...unknown, decision: "deny" });
    expect(denied.status).toBe(400);
    expect(location(denied)).toBeNull();
    const known = await validParams();
    await browser.get("/dashboard/tokens");
    const deniedElsewhere = await browser.post("/oauth/authorize", { ...known, redirect_uri: "https://evil.example/", decision: "deny" });
    expect(deniedElsewhere.status).toBe(400);
    expect(location(deniedElsewhere)).toBeNull();
  });

  it.each([
    ["code_challenge_method=plain", { code_challenge_method: "plain" }, "invalid_request"],
    ["no code_challenge", { code_challenge: "" }, "invalid_request"],
    ["response_type=token", { response_type: "token" }, "unsupported_response_type"],
    ["another resource", { resource: "https://other.example/mcp" }, "invalid_target"],
    ["only unknown scopes", { scope: "admin" }, "invalid_scope"],
  ])("sends %s back to the verified client as an error", async (_, change, error) => {
    const browser = await signedIn(`authz-error-${Math.random()}@example.com`);
    const response = await browser.get(authorizeUrl({ ...(await validParams()), ...change }));
    expect(location(response)!.startsWith(`${CLAUDE_CALLBACK}?`)).toBe(true);
    expect(callbackParams(response).get("error")).toBe(error);
    expect(callbackParams(response).get("state")).toBe("xyz");
  });
});
