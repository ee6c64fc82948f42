import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../../src/index";
import { workerFetch } from "../support/mcp-client";
import { TestBrowser } from "./browser";
import { authorizeUrl, CLAUDE_CALLBACK, callbackParams, consent, MCP_URL, pkcePair, registerClient } from "./oauth-client";

const CONFIGURED = { ...env, PUBLIC_ORIGIN: "https://docx.example.com", BETTER_AUTH_SECRET: "x".repeat(40) };

/** The whole Worker with a deployment's settings, reached under whatever Host an attacker chooses. */
const deployed = (url: string, bindings: object = CONFIGURED) =>
  app.request(url, { headers: { accept: "text/html" } }, bindings, createExecutionContext());

const metadata = async (response: Response) => (await response.json()) as Record<string, any>;

describe("issuer from configuration", () => {
  it("names the configured origin in the metadata whatever the Host header says (issuer spoofing)", async () => {
    const response = await deployed("https://evil.example/.well-known/oauth-authorization-server");
    expect(response.status).toBe(200);
    const body = await metadata(response);
    expect(body.issuer).toBe("https://docx.example.com");
    for (const key of ["authorization_endpoint", "token_endpoint", "registration_endpoint", "revocation_endpoint"]) {
      expect(body[key].startsWith("https://docx.example.com/oauth/")).toBe(true);
    }
    expect(JSON.stringify(body)).not.toContain("evil.example");
  });

  it("points a 401 at the configured origin's resource metadata, not the Host's (metadata redirection)", async () => {
    const response = await app.request("https://evil.example/mcp", { method: "POST" }, CONFIGURED, createExecutionContext());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain(
      'resource_metadata="https://docx.example.com/.well-known/oauth-protected-resource/mcp"',
    );
  });

  it("refuses to publish metadata for an unconfigured public host rather than reflect it (cache poisoning)", async () => {
    const response = await deployed("https://evil.example/.well-known/oauth-authorization-server", { ...env });
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("evil.example");
  });

  it("never lets a shared cache keep metadata built from the request's own origin (development hosts)", async () => {
    const response = await workerFetch("/.well-known/oauth-authorization-server");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await deployed("https://docx.example.com/.well-known/oauth-authorization-server")).headers.get("cache-control")).toBe(
      "public, max-age=3600",
    );
  });
});

describe("RFC 9207 iss in every authorization response (mix-up attacks)", () => {
  async function params() {
    const { body: client } = await registerClient();
    const { challenge } = await pkcePair();
    return {
      response_type: "code",
      client_id: client.client_id,
      redirect_uri: CLAUDE_CALLBACK,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s1",
      resource: MCP_URL,
    };
  }

  it("carries the metadata's issuer on success, on deny and on an error redirect", async () => {
    const issuer = (await metadata(await workerFetch("/.well-known/oauth-authorization-server"))).issuer;
    const browser = new TestBrowser();
    await browser.signUp("iss-everywhere@example.com");
    expect(callbackParams(await consent(browser, await params())).get("iss")).toBe(issuer);
    expect(callbackParams(await consent(browser, await params(), "deny")).get("iss")).toBe(issuer);
    const error = await browser.get(authorizeUrl({ ...(await params()), response_type: "token" }));
    expect(callbackParams(error).get("error")).toBe("unsupported_response_type");
    expect(callbackParams(error).get("iss")).toBe(issuer);
  });

  it("puts the configured issuer, not the Host, into an error redirect", async () => {
    const response = await deployed(`https://evil.example${authorizeUrl({ ...(await params()), code_challenge_method: "plain" })}`);
    expect(response.status).toBe(303);
    expect(callbackParams(response).get("iss")).toBe("https://docx.example.com");
  });
});
