import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { oauthClients } from "../../schema";
import { authDatabase } from "../../src/auth/database";
import { location, TestBrowser } from "./browser";
import { authorizeUrl, CLAUDE_CALLBACK, MCP_URL, pkcePair, registerClient } from "./oauth-client";

describe("redirect URI hygiene at registration", () => {
  it.each([
    ["https://a;sandbox/cb", "CSP header injection through the consent page's form-action"],
    ["https://x,y/cb", "CSP header splitting through a comma"],
    ["https://*.good.example/cb", "a wildcard that would match many hosts"],
    ["http://evil@127.0.0.1:9999/cb", "userinfo that disguises where the code goes"],
  ])("refuses %s (%s)", async (uri) => {
    const { status, body } = await registerClient({ redirect_uris: [uri] });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_redirect_uri");
    expect(body.error_description).toContain("not allowed");
  });
});

describe("redirect URI hygiene at authorization", () => {
  it("refuses, on a page, a loopback redirect URI carrying userinfo (credential smuggling)", async () => {
    const { body: client } = await registerClient({ redirect_uris: ["http://127.0.0.1/cb"] });
    const browser = new TestBrowser();
    await browser.signUp("userinfo-loopback@example.com");
    const { challenge } = await pkcePair();
    const response = await browser.get(
      authorizeUrl({
        response_type: "code",
        client_id: client.client_id,
        redirect_uri: "http://evil@127.0.0.1:9999/cb",
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(response.status).toBe(400);
    expect(location(response)).toBeNull();
  });

  it("keeps a client stored before these rules out of the consent page's CSP header (header injection)", async () => {
    const clientId = crypto.randomUUID();
    await authDatabase(env.DB)
      .insert(oauthClients)
      .values({
        id: clientId,
        name: "Old",
        redirectUris: JSON.stringify(["https://a;sandbox/cb"]),
        clientUri: null,
        createdAt: Date.now(),
      });
    const browser = new TestBrowser();
    await browser.signUp("legacy-client@example.com");
    const { challenge } = await pkcePair();
    const response = await browser.get(
      authorizeUrl({
        response_type: "code",
        client_id: clientId,
        redirect_uri: "https://a;sandbox/cb",
        code_challenge: challenge,
        code_challenge_method: "S256",
        resource: MCP_URL,
      }),
    );
    expect(response.status).toBe(400);
    expect(location(response)).toBeNull();
    expect(response.headers.get("content-security-policy") ?? "").not.toContain("sandbox");
  });

  it("puts only the redirect URI's origin into the consent page's form-action (client data stays out of headers)", async () => {
    const { body: client } = await registerClient({ redirect_uris: [CLAUDE_CALLBACK], client_name: "x; sandbox allow-scripts" });
    const browser = new TestBrowser();
    await browser.signUp("consent-csp@example.com");
    const { challenge } = await pkcePair();
    const response = await browser.get(
      authorizeUrl({
        response_type: "code",
        client_id: client.client_id,
        redirect_uri: CLAUDE_CALLBACK,
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("form-action 'self' https://claude.ai;");
    expect(csp).not.toContain("sandbox");
  });
});
