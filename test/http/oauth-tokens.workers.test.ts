import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authDatabase } from "../../src/auth/database";
import { checkAuthorizationRequest, createAuthorizationCode, exchangeAuthorizationCode, refreshTokens } from "../../src/auth/oauth/index";
import { REFRESH_TOKEN_TTL_MS } from "../../src/auth/oauth/oauth-secrets";
import { connectMcp, workerFetch } from "../support/mcp-client";
import { TestBrowser } from "./browser";
import { authorizedClient, CLAUDE_CALLBACK, consentedCode, MCP_URL, mcpCall, pkcePair, registerClient, tokenRequest } from "./oauth-client";

const refresh = (clientId: string, refreshToken: string, extra: Record<string, string> = {}) =>
  tokenRequest({ grant_type: "refresh_token", client_id: clientId, refresh_token: refreshToken, ...extra });

describe("token endpoint: authorization code", () => {
  it("exchanges a code for a bearer access token and a refresh token, uncacheable", async () => {
    const { client, exchange } = await authorizedClient("code-ok@example.com");
    // authorizedClient already redeemed its code; start another authorization to inspect the raw response.
    const browser = new TestBrowser();
    await browser.signUp("code-ok-2@example.com");
    const { code, verifier } = await consentedCode(browser, client.client_id);
    const response = await tokenRequest({ ...exchange, code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "read write" });
    expect(response.body.access_token).toMatch(/^dxa_/);
    expect(response.body.refresh_token).toMatch(/^dxr_/);
  });

  it("redeems a code once even when two exchanges race (code replay)", async () => {
    const { body: client } = await registerClient();
    const browser = new TestBrowser();
    await browser.signUp("code-race@example.com");
    const { code, verifier } = await consentedCode(browser, client.client_id);
    const fields = {
      grant_type: "authorization_code",
      code,
      client_id: client.client_id,
      redirect_uri: CLAUDE_CALLBACK,
      code_verifier: verifier,
    };
    const results = await Promise.all([tokenRequest(fields), tokenRequest(fields), tokenRequest(fields)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(results.filter((r) => r.status === 400).every((r) => r.body.error === "invalid_grant")).toBe(true);
  });

  it("revokes the tokens a code produced when the code is replayed later (stolen code)", async () => {
    const { exchange, tokens } = await authorizedClient("code-replay@example.com");
    expect((await mcpCall(tokens.access_token)).status).toBe(200);
    const replay = await tokenRequest(exchange);
    expect(replay.body.error).toBe("invalid_grant");
    expect((await mcpCall(tokens.access_token)).status).toBe(401);
    expect((await refresh(exchange.client_id, tokens.refresh_token)).body.error).toBe("invalid_grant");
  });

  it("requires the PKCE verifier that matches the challenge (intercepted code)", async () => {
    const { body: client } = await registerClient();
    const browser = new TestBrowser();
    await browser.signUp("pkce@example.com");
    const { code } = await consentedCode(browser, client.client_id);
    const attacker = await pkcePair();
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code,
      client_id: client.client_id,
      redirect_uri: CLAUDE_CALLBACK,
      code_verifier: attacker.verifier,
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_grant");
  });

  it("binds a code to its client and redirect URI (code injection into another client)", async () => {
    const { body: client } = await registerClient();
    const { body: other } = await registerClient({ redirect_uris: ["https://other.example/cb"] });
    const browser = new TestBrowser();
    await browser.signUp("code-binding@example.com");
    for (const change of [{ client_id: other.client_id }, { redirect_uri: "https://other.example/cb" }]) {
      const { code, verifier } = await consentedCode(browser, client.client_id);
      const response = await tokenRequest({
        grant_type: "authorization_code",
        code,
        client_id: client.client_id,
        redirect_uri: CLAUDE_CALLBACK,
        code_verifier: verifier,
        ...change,
      });
      expect(response.body.error).toBe("invalid_grant");
    }
  });

  it("checks the RFC 8707 resource at the token endpoint (token for another service)", async () => {
    const { body: client } = await registerClient();
    const browser = new TestBrowser();
    await browser.signUp("resource-token@example.com");
    const { code, verifier } = await consentedCode(browser, client.client_id, { resource: MCP_URL });
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code,
      client_id: client.client_id,
      redirect_uri: CLAUDE_CALLBACK,
      code_verifier: verifier,
      resource: "https://other.example/mcp",
    });
    expect(response.body.error).toBe("invalid_target");
  });

  it("lets browser-based clients call it cross-origin, without cookies", async () => {
    const preflight = await workerFetch("/oauth/token", {
      method: "OPTIONS",
      headers: { origin: "https://inspector.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("accepts the client id as HTTP Basic with an empty secret, and refuses broken Basic credentials", async () => {
    const { client, exchange } = await authorizedClient("basic-auth@example.com");
    const { client_id: _id, ...rest } = exchange;
    const replay = await workerFetch("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${btoa(`${client.client_id}:`)}` },
      body: new URLSearchParams(rest),
    });
    expect(((await replay.json()) as { error: string }).error).toBe("invalid_grant"); // the client was identified; the code is spent
    const broken = await workerFetch("/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Basic %%%" },
      body: new URLSearchParams(rest),
    });
    expect(broken.status).toBe(401);
  });

  it("refuses unknown grant types and form-less requests", async () => {
    expect((await tokenRequest({ grant_type: "password", client_id: "x", username: "a", password: "b" })).body.error).toBe(
      "unsupported_grant_type",
    );
    const json = await workerFetch("/oauth/token", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(400);
  });
});

describe("token endpoint: refresh", () => {
  it("rotates refresh tokens: the new one works and the old one is spent", async () => {
    const { client, tokens } = await authorizedClient("refresh-rotate@example.com");
    const first = await refresh(client.client_id, tokens.refresh_token, { resource: MCP_URL });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await mcpCall(first.body.access_token)).status).toBe(200);
    const second = await refresh(client.client_id, first.body.refresh_token);
    expect(second.status).toBe(200);
  });

  it("revokes the whole family when an old refresh token is reused (stolen refresh token)", async () => {
    const { client, tokens } = await authorizedClient("refresh-reuse@example.com");
    const rotated = await refresh(client.client_id, tokens.refresh_token);
    const reuse = await refresh(client.client_id, tokens.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");
    // The legitimate holder's newer tokens die too: nobody can tell which party was the thief.
    expect((await refresh(client.client_id, rotated.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await mcpCall(rotated.body.access_token)).status).toBe(401);
  });

  it("answers invalid_grant for expired, garbage and other clients' refresh tokens", async () => {
    const { client, tokens } = await authorizedClient("refresh-dead@example.com");
    const db = authDatabase(env.DB);
    await expect(
      refreshTokens(
        db,
        { refreshToken: tokens.refresh_token, clientId: client.client_id, resource: undefined, scope: undefined },
        Date.now() + REFRESH_TOKEN_TTL_MS + 1,
      ),
    ).rejects.toMatchObject({ failure: { code: "invalid_grant" } });
    expect((await refresh(client.client_id, "dxr_garbage")).body.error).toBe("invalid_grant");
    const { body: other } = await registerClient();
    expect((await refresh(other.client_id, tokens.refresh_token)).body.error).toBe("invalid_grant");
    // The failed attempts above did not spend the token: its owner can still refresh.
    expect((await refresh(client.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("refuses a refresh that asks for another resource or wider scopes", async () => {
    const { client, tokens } = await authorizedClient("refresh-narrow@example.com", { scope: "read" });
    expect((await refresh(client.client_id, tokens.refresh_token, { resource: "https://other.example/mcp" })).body.error).toBe(
      "invalid_target",
    );
    expect((await refresh(client.client_id, tokens.refresh_token, { scope: "read write" })).body.error).toBe("invalid_scope");
  });
});

describe("/mcp with OAuth access tokens", () => {
  it("accepts an OAuth access token with the same tenant and scopes a dashboard token would give", async () => {
    const { tokens, browser } = await authorizedClient("mcp-oauth@example.com", { scope: "read" });
    const client = await connectMcp({ authorization: `Bearer ${tokens.access_token}` });
    const created = await client.callTool({ name: "document_create", arguments: { title: "x" } });
    expect(created.isError).toBe(true); // read-only grant
    await browser.post("/dashboard/tokens", { name: "pat", scope_read: "1", scope_write: "1", expiry: "none" });
    const pat = browser.lastPage.match(/id="new-token">(dxe_[0-9A-Za-z]+)</)![1];
    const patClient = await connectMcp({ authorization: `Bearer ${pat}` });
    const made = await patClient.callTool({ name: "document_create", arguments: { title: "same tenant" } });
    expect(made.isError).toBeFalsy();
    const listed = (await client.callTool({ name: "document_list", arguments: {} })).structuredContent as { sessions: { title: string }[] };
    expect(listed.sessions.map((s) => s.title)).toContain("same tenant");
  });

  it("lists the tool set chosen at consent (compact unless chosen), and keeps it across a refresh", async () => {
    const listed = async (accessToken: string) =>
      (await (await connectMcp({ authorization: `Bearer ${accessToken}` })).listTools()).tools.map((t) => t.name);
    const chosen = await authorizedClient("mcp-oauth-complete@example.com", {}, { tool_set: "complete" });
    expect(await listed(chosen.tokens.access_token)).toHaveLength(48);
    await chosen.browser.get("/dashboard/apps");
    expect(chosen.browser.lastPage).toContain('<td data-label="Tools"><span class="tag">complete</span></td>');
    const { client, tokens } = await authorizedClient("mcp-oauth-compact@example.com");
    const compact = await listed(tokens.access_token);
    expect(compact).toContain("apply_patch");
    expect(compact).not.toContain("replace_text");
    const refreshed = await refresh(client.client_id, tokens.refresh_token);
    expect(await listed(refreshed.body.access_token)).toEqual(compact);
  });

  it("refuses an access token issued for another resource (token forwarded from another service)", async () => {
    const db = authDatabase(env.DB);
    const { body: client } = await registerClient();
    const browser = new TestBrowser();
    await browser.signUp("mcp-audience@example.com");
    const viewer = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, "mcp-audience@example.com") });
    const { challenge, verifier } = await pkcePair();
    const elsewhere = "https://elsewhere.test/mcp";
    const checked = await checkAuthorizationRequest(
      db,
      {
        client_id: client.client_id,
        redirect_uri: CLAUDE_CALLBACK,
        response_type: "code",
        code_challenge: challenge,
        code_challenge_method: "S256",
        resource: elsewhere,
      },
      elsewhere,
    );
    if (!checked.ok) throw new Error(checked.failure.description);
    const code = await createAuthorizationCode(db, checked.request, { userId: viewer!.id, tenantId: viewer!.tenantId });
    const tokens = await exchangeAuthorizationCode(db, {
      code,
      clientId: client.client_id,
      redirectUri: CLAUDE_CALLBACK,
      codeVerifier: verifier,
      resource: elsewhere,
    });
    const response = await mcpCall(tokens.accessToken);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("stops working the moment the person disconnects the app in the dashboard", async () => {
    const { client, tokens, browser } = await authorizedClient("mcp-disconnect@example.com");
    await browser.get("/dashboard/apps");
    expect(browser.lastPage).toContain("Claude");
    expect(browser.lastPage).toContain("claude.ai");
    await browser.post(`/dashboard/apps/${client.client_id}/revoke`, {});
    expect((await mcpCall(tokens.access_token)).status).toBe(401);
    expect((await refresh(client.client_id, tokens.refresh_token)).body.error).toBe("invalid_grant");
    await browser.get("/dashboard/apps");
    expect(browser.lastPage).toContain("No apps connected");
  });

  it("is not accepted by the REST library, which only takes personal tokens", async () => {
    const { tokens } = await authorizedClient("rest-oauth@example.com");
    const response = await workerFetch("/api/files", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(response.status).toBe(401);
  });

  it("revokes through RFC 7009: a revoked refresh token takes its access tokens with it", async () => {
    const { client, tokens } = await authorizedClient("revoke-endpoint@example.com");
    const response = await workerFetch("/oauth/revoke", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token, client_id: client.client_id }),
    });
    expect(response.status).toBe(200);
    expect((await mcpCall(tokens.access_token)).status).toBe(401);
  });
});
