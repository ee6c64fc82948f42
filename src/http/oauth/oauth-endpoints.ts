import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import {
  authDatabase,
  exchangeAuthorizationCode,
  formatScopes,
  OAuthError,
  refreshTokens,
  registerClient,
  registrationResponse,
  revokeOAuthToken,
  type TokenSet,
} from "../../auth";
import type { AppEnv } from "../app-env";
import { BODY_LIMITS, bodyLimit } from "../body-limit";
import { HttpError } from "../http-errors";
import { mayRegisterClient, REGISTRATION_WINDOW_SECONDS } from "./registration-limit";

/**
 * The OAuth endpoints machines call: registration (RFC 7591), token (OAuth 2.1 §3.2) and revocation
 * (RFC 7009). Browser-based MCP clients call them cross-origin, without cookies, hence the open CORS.
 */
export const oauthEndpoints = new Hono<AppEnv>();

// Only the machine endpoints: /oauth/authorize is a page and gets no CORS headers.
for (const path of ["/register", "/token", "/revoke"]) {
  oauthEndpoints.use(
    path,
    cors({ origin: "*", allowMethods: ["POST", "OPTIONS"], allowHeaders: ["Content-Type", "Authorization"], maxAge: 86400 }),
  );
  // Anyone can call these without signing in, so their bodies are capped by the bytes received.
  oauthEndpoints.use(path, bodyLimit(BODY_LIMITS.oauth));
}

type Form = Record<string, string | undefined>;

function clientIdFromBasic(credentials: string): string {
  try {
    return decodeURIComponent(atob(credentials).split(":")[0] ?? "");
  } catch {
    throw new OAuthError("invalid_client", "The Authorization header is not valid HTTP Basic credentials.");
  }
}

async function formOf(c: Context<AppEnv>): Promise<Form> {
  const type = c.req.header("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) {
    throw new OAuthError("invalid_request", "Send the request as application/x-www-form-urlencoded.");
  }
  const form: Form = {};
  for (const [key, value] of Object.entries(await c.req.parseBody())) if (typeof value === "string") form[key] = value;
  // Public clients may still send their id as HTTP Basic with an empty secret (RFC 6749 §2.3.1).
  const basic = c.req.header("Authorization")?.match(/^Basic\s+(.+)$/i)?.[1];
  if (!form.client_id && basic) form.client_id = clientIdFromBasic(basic);
  return form;
}

const required = (form: Form, name: string): string => {
  const value = form[name];
  if (!value) throw new OAuthError("invalid_request", `${name} is required.`);
  return value;
};

function tokenResponse(c: Context<AppEnv>, tokens: TokenSet) {
  c.header("Cache-Control", "no-store");
  c.header("Pragma", "no-cache");
  return c.json({
    access_token: tokens.accessToken,
    token_type: "Bearer",
    expires_in: tokens.expiresInSeconds,
    refresh_token: tokens.refreshToken,
    scope: formatScopes(tokens.scopes),
  });
}

oauthEndpoints.post("/register", async (c) => {
  if (!(await mayRegisterClient(c))) {
    throw new HttpError({
      kind: "rate_limited",
      retryAfterSeconds: REGISTRATION_WINDOW_SECONDS,
      message: `Too many client registrations from this address; retry in ${REGISTRATION_WINDOW_SECONDS} seconds.`,
    });
  }
  const metadata = await c.req.json().catch(() => null);
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata))
    throw new OAuthError("invalid_client_metadata", "Send the client metadata as a JSON object.");
  const client = await registerClient(authDatabase(c.env.DB), metadata as Record<string, unknown>);
  c.header("Cache-Control", "no-store");
  return c.json(registrationResponse(client), 201);
});

oauthEndpoints.post("/token", async (c) => {
  const form = await formOf(c);
  const db = authDatabase(c.env.DB);
  const clientId = required(form, "client_id");
  switch (form.grant_type) {
    case "authorization_code":
      return tokenResponse(
        c,
        await exchangeAuthorizationCode(db, {
          code: required(form, "code"),
          clientId,
          redirectUri: form.redirect_uri,
          codeVerifier: form.code_verifier,
          resource: form.resource,
        }),
      );
    case "refresh_token":
      return tokenResponse(
        c,
        await refreshTokens(db, { refreshToken: required(form, "refresh_token"), clientId, resource: form.resource, scope: form.scope }),
      );
    default:
      throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
  }
});

oauthEndpoints.post("/revoke", async (c) => {
  const form = await formOf(c);
  await revokeOAuthToken(authDatabase(c.env.DB), required(form, "token"), required(form, "client_id"));
  return c.body(null, 200);
});
