import { s256 } from "../../src/auth/oauth/pkce";
import { ORIGIN, workerFetch } from "../support/mcp-client";
import { location, TestBrowser } from "./browser";

export const MCP_URL = `${ORIGIN}/mcp`;
export const CLAUDE_CALLBACK = "https://claude.ai/api/mcp/auth_callback";

/** A client address of its own, as separate clients have (registrations are limited per address). */
export const randomAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join(".")}`;

/** Registers a public client the way claude.ai does (RFC 7591). */
export async function registerClient(metadata: Record<string, unknown> = {}, address = randomAddress()) {
  const response = await workerFetch("/oauth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify({
      client_name: "Claude",
      redirect_uris: [CLAUDE_CALLBACK],
      grant_types: ["authorization_code", "refresh_token"],
      token_endpoint_auth_method: "none",
      ...metadata,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export async function pkcePair() {
  const verifier = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return { verifier, challenge: await s256(verifier) };
}

export function authorizeUrl(params: Record<string, string>): string {
  return `/oauth/authorize?${new URLSearchParams(params)}`;
}

/** The query of the URL the browser is sent back to. */
export const callbackParams = (response: Response) => new URL(location(response)!).searchParams;

/** Opens the consent page and answers it (with any choices in `choices`, e.g. tool_set); returns the redirect response. */
export async function consent(
  browser: TestBrowser,
  params: Record<string, string>,
  decision = "allow",
  choices: Record<string, string> = {},
): Promise<Response> {
  const page = await browser.get(authorizeUrl(params));
  if (page.status !== 200) throw new Error(`consent page answered ${page.status} ${location(page) ?? ""}`);
  const hidden = Object.fromEntries(
    [...browser.lastPage.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, "&")]),
  );
  delete hidden._csrf;
  return browser.post("/oauth/authorize", { ...hidden, ...choices, decision });
}

/** Consents as `browser` to a code flow for `clientId` with a fresh PKCE pair; returns the code and its verifier. */
export async function consentedCode(
  browser: TestBrowser,
  clientId: string,
  extra: Record<string, string> = {},
  choices: Record<string, string> = {},
) {
  const { verifier, challenge } = await pkcePair();
  const code = callbackParams(
    await consent(
      browser,
      {
        response_type: "code",
        client_id: clientId,
        redirect_uri: CLAUDE_CALLBACK,
        code_challenge: challenge,
        code_challenge_method: "S256",
        ...extra,
      },
      "allow",
      choices,
    ),
  ).get("code")!;
  return { code, verifier };
}

export async function tokenRequest(fields: Record<string, string>) {
  const response = await workerFetch("/oauth/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** A whole authorization for a fresh person and client: returns the client, the tokens and the browser. */
export async function authorizedClient(email: string, extra: Record<string, string> = {}, choices: Record<string, string> = {}) {
  const { body: client } = await registerClient();
  const browser = new TestBrowser();
  await browser.signUp(email);
  const { code, verifier } = await consentedCode(browser, client.client_id, { state: "st", resource: MCP_URL, ...extra }, choices);
  const exchange = {
    grant_type: "authorization_code",
    code,
    client_id: client.client_id,
    redirect_uri: CLAUDE_CALLBACK,
    code_verifier: verifier,
    resource: MCP_URL,
  };
  const tokens = await tokenRequest(exchange);
  return { client, browser, code, exchange, tokens: tokens.body };
}

export const mcpCall = (accessToken: string) =>
  workerFetch("/mcp", {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "document_list", arguments: {} } }),
  });
