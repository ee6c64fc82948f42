import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authDatabase } from "../../src/auth/database";
import { type ClientDocumentPolicy, documentClient } from "../../src/auth/oauth/client-metadata-documents";
import { workerFetch } from "../support/mcp-client";
import { location, TestBrowser } from "./browser";
import { authorizeUrl, CLAUDE_CALLBACK, callbackParams, consent, MCP_URL, mcpCall, pkcePair, tokenRequest } from "./oauth-client";

const db = authDatabase(env.DB);
const documentUrl = () => `https://client.example/${crypto.randomUUID()}/metadata.json`;
const documentFor = (clientId: string, extra: Record<string, unknown> = {}) => ({
  client_id: clientId,
  client_name: "Claude",
  redirect_uris: [CLAUDE_CALLBACK],
  token_endpoint_auth_method: "none",
  ...extra,
});

/** A document server that answers with `respond` and counts fetches. */
function serving(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const policy: ClientDocumentPolicy = {
    allowLoopback: false,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), init });
      return respond(String(input), init);
    }) as typeof fetch,
  };
  return { policy, calls };
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { headers: { "content-type": "application/json", ...headers } });

describe("client ID metadata documents: the fetch", () => {
  it("builds the client from the document, asks not to follow redirects and caches it per Cache-Control", async () => {
    const url = documentUrl();
    const { policy, calls } = serving(() => json(documentFor(url), { "cache-control": "max-age=600" }));
    const client = await documentClient(db, url, policy, 1_000_000);
    expect(client).toMatchObject({ clientId: url, name: "Claude", redirectUris: [CLAUDE_CALLBACK] });
    expect(calls[0].init?.redirect).toBe("manual");
    await documentClient(db, url, policy, 1_000_000 + 599_000);
    expect(calls).toHaveLength(1);
    await documentClient(db, url, policy, 1_000_000 + 601_000);
    expect(calls).toHaveLength(2);
  });

  it.each([
    [
      "a redirect (SSRF through a redirect to an internal address)",
      () => new Response(null, { status: 302, headers: { location: "http://10.0.0.1/" } }),
      /redirect/,
    ],
    ["a document over 5 KB (memory exhaustion)", () => json({ ...documentFor("x"), padding: "x".repeat(6000) }), /5 KB/],
    ["a document naming another client_id (impersonating another client)", (url: string) => json(documentFor(`${url}-other`)), /client_id/],
    [
      "a document asking for a client secret (confidential client pretence)",
      (url: string) => json(documentFor(url, { token_endpoint_auth_method: "client_secret_basic" })),
      /none/,
    ],
    [
      "a document with a bad redirect URI (CSP injection through a document)",
      (url: string) => json(documentFor(url, { redirect_uris: ["https://a;sandbox/cb"] })),
      /not allowed/,
    ],
    ["a document that is not JSON", () => new Response("<html>"), /JSON/],
    ["an error status", () => new Response("gone", { status: 404 }), /404/],
  ])("refuses %s with invalid_client and stores nothing", async (_, respond, message) => {
    const url = documentUrl();
    const { policy } = serving((u) => respond(u));
    const error = await documentClient(db, url, policy).catch((e) => e);
    expect(error.failure.code).toBe("invalid_client");
    expect(error.message).toMatch(message);
    expect(await env.DB.prepare("SELECT id FROM oauth_clients WHERE id = ?").bind(url).first()).toBeNull();
  });

  it("gives up on a server that never answers (slow loris)", async () => {
    const url = documentUrl();
    const { policy } = serving(
      (_, init) => new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    );
    const error = await documentClient(db, url, policy).catch((e) => e);
    expect(error.failure.code).toBe("invalid_client");
  }, 15_000);

  it("asks the caller's limit before each download, so the server cannot be used to fetch URLs in bulk (fetch amplification)", async () => {
    const { policy, calls } = serving((url) => json(documentFor(url)));
    const error = await documentClient(db, documentUrl(), { ...policy, mayFetch: async () => false }).catch((e) => e);
    expect(error.failure.code).toBe("invalid_client");
    expect(error.message).toMatch(/too many/);
    expect(calls).toHaveLength(0);
  });

  it("never fetches a private address (SSRF)", async () => {
    const { policy, calls } = serving(() => json({}));
    const error = await documentClient(db, "https://169.254.169.254/latest/meta-data", policy).catch((e) => e);
    expect(error.failure.code).toBe("invalid_client");
    expect(calls).toHaveLength(0);
  });
});

describe("client ID metadata documents: the claude.ai flow", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is advertised with the public-client auth method claude.ai looks for", async () => {
    const metadata = (await (await workerFetch("/.well-known/oauth-authorization-server")).json()) as Record<string, any>;
    expect(metadata.client_id_metadata_document_supported).toBe(true);
    expect(metadata.token_endpoint_auth_methods_supported).toContain("none");
    expect(metadata.registration_endpoint).toBeDefined();
  });

  it("authorizes a URL client_id without registration, shows the document's name and host, and issues working tokens", async () => {
    const url = documentUrl();
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) =>
      String(input) === url ? json(documentFor(url, { client_name: "Claude (document)" })) : realFetch(input, init),
    );
    const browser = new TestBrowser();
    await browser.signUp(`cimd-${Math.random()}@example.com`);
    const { verifier, challenge } = await pkcePair();
    const params = {
      response_type: "code",
      client_id: url,
      redirect_uri: CLAUDE_CALLBACK,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "cimd",
      resource: MCP_URL,
    };
    await browser.get(authorizeUrl(params));
    expect(browser.lastPage).toContain("Claude (document)");
    expect(browser.lastPage).toContain("<strong>client.example</strong>");
    const redirect = await consent(browser, params);
    const code = callbackParams(redirect).get("code")!;
    const tokens = await tokenRequest({
      grant_type: "authorization_code",
      code,
      client_id: url,
      redirect_uri: CLAUDE_CALLBACK,
      code_verifier: verifier,
      resource: MCP_URL,
    });
    expect(tokens.status).toBe(200);
    expect((await mcpCall(tokens.body.access_token)).status).toBe(200);
  });

  it("refuses, on a page and without redirecting, a URL client whose document cannot be used (open redirect)", async () => {
    const browser = new TestBrowser();
    await browser.signUp(`cimd-bad-${Math.random()}@example.com`);
    const { challenge } = await pkcePair();
    const response = await browser.get(
      authorizeUrl({
        response_type: "code",
        client_id: "https://10.1.2.3/metadata.json",
        redirect_uri: "https://evil.example/cb",
        code_challenge: challenge,
        code_challenge_method: "S256",
      }),
    );
    expect(response.status).toBe(400);
    expect(location(response)).toBeNull();
    expect(browser.lastPage).toContain("private, loopback or link-local");
  });
});
