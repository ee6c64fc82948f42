import { Hono } from "hono";
import { html } from "hono/html";
import { type ConnectedApp, listConnectedApps, revokeConnectedApp } from "../../auth";
import { publicOriginOf } from "../public-origin";
import { mcpResourceUrl } from "../well-known";
import { csrfField, renderPage, when } from "./layout";
import type { WebContext, WebEnv } from "./services";

/** Connected apps: OAuth clients the person has authorized, each with a disconnect button. */
export const appPages = new Hono<WebEnv>();

function appRows(c: WebContext, apps: ConnectedApp[]) {
  if (apps.length === 0)
    return html`<p class="empty">No apps connected. Add docx-edge as a connector in claude.ai (URL: <code>${mcpResourceUrl(publicOriginOf(c).origin)}</code>) and it will appear here.</p>`;
  return html`<table class="stack">
    <thead><tr><th>App</th><th>Returns to</th><th>Scopes</th><th>Tools</th><th>Authorized</th><th>Last used</th><th></th></tr></thead>
    <tbody>
      ${apps.map(
        (a) => html`<tr>
          <td data-label="App">${a.name}</td>
          <td data-label="Returns to">${a.redirectHost}</td>
          <td data-label="Scopes">${a.scopes.map((s) => html`<span class="tag">${s}</span>`)}</td>
          <td data-label="Tools">${a.toolSets.map((t) => html`<span class="tag">${t}</span>`)}</td>
          <td data-label="Authorized">${when(a.authorizedAt)}</td>
          <td data-label="Last used">${when(a.lastUsedAt)}</td>
          <td class="actions"><form class="inline" method="post" action="/dashboard/apps/${a.clientId}/revoke">${csrfField(c)}<button class="danger" type="submit" aria-label="Disconnect ${a.name}">Disconnect</button></form></td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

appPages.get("/", async (c) => {
  const apps = await listConnectedApps(c.var.services.db, c.var.viewer.userId);
  const body = html`<h1>Connected apps</h1><section class="card">${appRows(c, apps)}</section>`;
  return renderPage(c, { title: "Connected apps", body, active: "/dashboard/apps" });
});

appPages.post("/:clientId/revoke", async (c) => {
  await revokeConnectedApp(c.var.services.db, { userId: c.var.viewer.userId, clientId: c.req.param("clientId") });
  return c.redirect("/dashboard/apps", 303);
});
