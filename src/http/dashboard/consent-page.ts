import { Hono } from "hono";
import { html } from "hono/html";
import {
  type AuthorizationParams,
  type AuthorizationRequest,
  checkAuthorizationRequest,
  createAuthorizationCode,
  currentViewer,
  isClientIdUrl,
  type OAuthFailure,
} from "../../auth";
import { mayRegisterClient } from "../oauth/registration-limit";
import { publicOriginOf } from "../public-origin";
import { mcpResourceUrl } from "../well-known";
import { csrfField, renderPage } from "./layout";
import type { WebContext, WebEnv } from "./services";
import { chosenToolSet, TOOL_SET_REFUSAL, toolSetChoice } from "./tool-set-choice";

/** /oauth/authorize: sign in, then a consent page naming the registered client and the scopes. */
export const consentPage = new Hono<WebEnv>();

const PARAMS = ["client_id", "redirect_uri", "response_type", "code_challenge", "code_challenge_method", "scope", "state", "resource"];
const SCOPE_TEXT: Record<string, string> = {
  read: "Open, list and read the documents in your library",
  write: "Create and edit documents, and save them to your library",
};

function redirectWith(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

/** CSP form-action source for where the consent form's redirect will land. */
function formTarget(redirectUri: string): string {
  const url = new URL(redirectUri);
  return url.origin === "null" ? url.protocol : url.origin;
}

function failureResponse(c: WebContext, failure: OAuthFailure, redirect?: { uri: string; state: string | null }) {
  if (redirect) {
    const iss = publicOriginOf(c).origin;
    return c.redirect(
      redirectWith(redirect.uri, { error: failure.code, error_description: failure.description, state: redirect.state, iss }),
      303,
    );
  }
  // The client or redirect URI could not be verified: tell the person here, never redirect anywhere.
  const body = html`<h1>This sign-in link is not valid</h1><div class="card"><p class="error" role="alert">${failure.description}</p>
    <p class="muted">Go back to the app you were connecting and start again.</p></div>`;
  return renderPage(c, { title: "Invalid request", body, narrow: true, status: 400 });
}

function consentForm(c: WebContext, request: AuthorizationRequest, params: AuthorizationParams) {
  const viewer = c.var.viewer;
  const body = html`<div class="consent">
    <h1>Connect an app</h1>
    <div class="card">
      <p><span class="client">${request.client.name}</span> wants to use your docx-edge documents.</p>
      <p class="muted">Signed in as ${viewer.email}. After you choose, you return to <strong>${new URL(request.redirectUri).host || request.redirectUri}</strong>.</p>
      <h2>It will be able to</h2>
      <ul>${request.scopes.map((s) => html`<li><strong>${s}</strong>: ${SCOPE_TEXT[s]}</li>`)}</ul>
      <p class="muted">${
        isClientIdUrl(request.client.clientId)
          ? html`This app is described by a document published at <strong>${new URL(request.client.clientId).host}</strong>.`
          : "The app named itself; docx-edge has not verified it."
      } Allow only an app you are connecting right now. You can disconnect it any time under Connected apps.</p>
      <form method="post" action="/oauth/authorize">
        ${csrfField(c)}
        ${PARAMS.filter((p) => params[p] !== undefined).map((p) => html`<input type="hidden" name="${p}" value="${params[p]}" />`)}
        ${toolSetChoice(c)}
        <div class="buttons">
          <button type="submit" name="decision" value="allow">Allow</button>
          <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
        </div>
      </form>
    </div>
  </div>`;
  return renderPage(c, { title: "Connect an app", body, narrow: true, formTargets: [formTarget(request.redirectUri)] });
}

async function check(c: WebContext, params: AuthorizationParams) {
  // A document download is a registration in effect, so it shares the registration limit.
  const documents = { ...c.var.services.clientDocuments, mayFetch: () => mayRegisterClient(c) };
  return checkAuthorizationRequest(c.var.services.db, params, mcpResourceUrl(publicOriginOf(c).origin), documents);
}

function pickParams(source: Record<string, unknown>): AuthorizationParams {
  const params: AuthorizationParams = {};
  for (const name of PARAMS) if (typeof source[name] === "string") params[name] = source[name] as string;
  return params;
}

consentPage.get("/", async (c) => {
  const params = pickParams(c.req.query());
  const checked = await check(c, params);
  if (!checked.ok) return failureResponse(c, checked.failure, checked.redirect);
  const viewer = await currentViewer(c.var.services.accounts, c.req.raw.headers);
  if (!viewer) return c.redirect(`/signin?next=${encodeURIComponent(`/oauth/authorize${new URL(c.req.url).search}`)}`, 303);
  c.set("viewer", viewer);
  return consentForm(c, checked.request, params);
});

consentPage.post("/", async (c) => {
  const form = await c.req.parseBody();
  const params = pickParams(form);
  // Validate the client and redirect URI before anything else, so even "deny" cannot redirect elsewhere.
  const checked = await check(c, params);
  if (!checked.ok) return failureResponse(c, checked.failure, checked.redirect);
  const viewer = await currentViewer(c.var.services.accounts, c.req.raw.headers);
  if (!viewer)
    return c.redirect(
      `/signin?next=${encodeURIComponent(`/oauth/authorize?${new URLSearchParams(params as Record<string, string>)}`)}`,
      303,
    );
  const { request } = checked;
  const iss = publicOriginOf(c).origin;
  if (form.decision !== "allow") {
    return c.redirect(
      redirectWith(request.redirectUri, {
        error: "access_denied",
        error_description: "The user denied access.",
        state: request.state,
        iss,
      }),
      303,
    );
  }
  const toolSet = chosenToolSet(form);
  // Only a tampered form sends another value; say so here rather than hand the app an error it cannot explain.
  if (!toolSet) {
    const body = html`<h1>Choose the tools to show</h1><div class="card"><p class="error" role="alert">${TOOL_SET_REFUSAL}</p>
      <p class="muted">Go back to the consent page and choose again; nothing was granted.</p></div>`;
    return renderPage(c, { title: "Invalid choice", body, narrow: true, status: 400 });
  }
  const code = await createAuthorizationCode(c.var.services.db, request, { userId: viewer.userId, tenantId: viewer.tenantId, toolSet });
  return c.redirect(redirectWith(request.redirectUri, { code, state: request.state, iss }), 303);
});
