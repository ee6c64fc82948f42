import { Hono } from "hono";
import { html } from "hono/html";
import { type AccessTokenInfo, issueAccessToken, listAccessTokens, revokeAccessToken, SCOPES, type Scope } from "../../auth";
import { publicOriginOf } from "../public-origin";
import { mcpResourceUrl } from "../well-known";
import { csrfField, renderPage, when } from "./layout";
import type { WebContext, WebEnv } from "./services";
import { chosenToolSet, TOOL_SET_REFUSAL, toolSetChoice } from "./tool-set-choice";

/** Personal access tokens: create (shown once), list, revoke. */
export const tokenPages = new Hono<WebEnv>();

const DAY_MS = 24 * 60 * 60 * 1000;
export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "none"] as const;
const MAX_NAME_LENGTH = 100;

function status(token: AccessTokenInfo, now: number) {
  if (token.revokedAt !== null) return html`<span class="tag off">revoked</span>`;
  if (token.expiresAt !== null && token.expiresAt <= now) return html`<span class="tag off">expired</span>`;
  return html`<span class="tag">active</span>`;
}

function tokenRows(c: WebContext, tokens: AccessTokenInfo[]) {
  const now = Date.now();
  if (tokens.length === 0) return html`<p class="empty">No tokens yet.</p>`;
  return html`<table class="stack">
    <thead><tr><th>Name</th><th>Token</th><th>Scopes</th><th>Tools</th><th>Created</th><th>Last used</th><th>Expires</th><th>Status</th><th></th></tr></thead>
    <tbody>
      ${tokens.map(
        (t) => html`<tr>
          <td data-label="Name">${t.name}</td>
          <td data-label="Token"><code>${t.displayPrefix}…${t.lastFour}</code></td>
          <td data-label="Scopes">${t.scopes.map((s) => html`<span class="tag">${s}</span>`)}</td>
          <td data-label="Tools"><span class="tag">${t.toolSet}</span></td>
          <td data-label="Created">${when(t.createdAt)}</td>
          <td data-label="Last used">${when(t.lastUsedAt)}</td>
          <td data-label="Expires">${t.expiresAt === null ? "never" : when(t.expiresAt)}</td>
          <td data-label="Status">${status(t, now)}</td>
          <td class="actions">
            ${
              t.revokedAt === null
                ? html`<form class="inline" method="post" action="/dashboard/tokens/${t.id}/revoke">${csrfField(c)}<button class="danger" type="submit" aria-label="Revoke ${t.name}">Revoke</button></form>`
                : ""
            }
          </td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

const createForm = (c: WebContext) => html`<form method="post" action="/dashboard/tokens">
  ${csrfField(c)}
  <div class="row">
    <div class="field"><label for="token-name">Name</label><input id="token-name" name="name" type="text" required maxlength="${MAX_NAME_LENGTH}" placeholder="e.g. Claude Code on my laptop" /></div>
    <div class="field"><label for="expiry">Expires</label>
      <select id="expiry" name="expiry">${TOKEN_EXPIRY_DAYS.map((d) => html`<option value="${d}" ${d === "30" ? "selected" : ""}>${d === "none" ? "Never" : `In ${d} days`}</option>`)}</select>
    </div>
  </div>
  <fieldset><legend class="muted">Scopes</legend>
    ${SCOPES.map((s) => html`<label><input type="checkbox" name="scope_${s}" value="1" checked /> ${s}</label>`)}
  </fieldset>
  ${toolSetChoice(c)}
  <button type="submit">Create token</button>
</form>`;

function newTokenNotice(c: WebContext, token: string, name: string) {
  // The configured origin, like every URL this deployment hands out; never the request's Host.
  const command = `claude mcp add --transport http docx-edge ${mcpResourceUrl(publicOriginOf(c).origin)} --header "Authorization: Bearer ${token}"`;
  return html`<section class="notice" aria-live="polite">
    <h2>Token “${name}” created</h2>
    <p>Copy it now: it is shown only once and cannot be recovered.</p>
    <div class="secret"><code id="new-token">${token}</code><button type="button" class="secondary" data-copy="new-token">Copy</button></div>
    <p class="muted">Claude Code:</p>
    <div class="secret"><code id="claude-command">${command}</code><button type="button" class="secondary" data-copy="claude-command">Copy</button></div>
  </section>`;
}

async function tokensPage(c: WebContext, extra: { created?: { token: string; name: string }; error?: string; status?: 400 } = {}) {
  const tokens = await listAccessTokens(c.var.services.db, c.var.viewer.tenantId);
  const body = html`<h1>Access tokens</h1>
    ${extra.created ? newTokenNotice(c, extra.created.token, extra.created.name) : ""}
    <section class="card"><h2>New token</h2>${extra.error ? html`<p class="error" role="alert">${extra.error}</p>` : ""}${createForm(c)}</section>
    <section class="card"><h2>Your tokens</h2>${tokenRows(c, tokens)}</section>`;
  return renderPage(c, { title: "Tokens", body, active: "/dashboard/tokens", status: extra.status });
}

tokenPages.get("/", (c) => tokensPage(c));

tokenPages.post("/", async (c) => {
  const form = await c.req.parseBody();
  const name = typeof form.name === "string" ? form.name.trim() : "";
  const scopes = SCOPES.filter((s) => form[`scope_${s}`] === "1") as Scope[];
  const expiry = String(form.expiry ?? "");
  const toolSet = chosenToolSet(form);
  if (!name || name.length > MAX_NAME_LENGTH)
    return tokensPage(c, { error: `Give the token a name of 1 to ${MAX_NAME_LENGTH} characters.`, status: 400 });
  if (scopes.length === 0) return tokensPage(c, { error: "Choose at least one scope.", status: 400 });
  if (!(TOKEN_EXPIRY_DAYS as readonly string[]).includes(expiry)) return tokensPage(c, { error: "Choose an expiry.", status: 400 });
  if (!toolSet) return tokensPage(c, { error: TOOL_SET_REFUSAL, status: 400 });
  const now = Date.now();
  const { viewer, db } = { viewer: c.var.viewer, db: c.var.services.db };
  const { token } = await issueAccessToken(db, {
    tenantId: viewer.tenantId,
    userId: viewer.userId,
    name,
    scopes,
    toolSet,
    now,
    expiresAt: expiry === "none" ? null : now + Number(expiry) * DAY_MS,
  });
  // Rendered in the POST response, never redirected to: the token must not appear in a URL or history entry.
  return tokensPage(c, { created: { token, name } });
});

tokenPages.post("/:id/revoke", async (c) => {
  await revokeAccessToken(c.var.services.db, { tenantId: c.var.viewer.tenantId, tokenId: c.req.param("id") });
  return c.redirect("/dashboard/tokens", 303);
});
