import { Hono } from "hono";
import { html } from "hono/html";
import { type HistoryEntryMeta, hasUnsavedChanges, type SessionRecord } from "../../sessions/index";
import { renderPage, when } from "./layout";
import type { WebEnv } from "./services";

/**
 * The WAL viewer: one editing session and its write-ahead history, oldest first. Entries above the
 * cursor were undone and can still be redone; the saved position marks what the library file holds.
 */
export const sessionPages = new Hono<WebEnv>();

const PAGE_SIZE = 100;

function entryState(entry: { position: number }, head: SessionRecord) {
  const tags = [];
  if (entry.position === head.position) tags.push(html`<span class="tag">current</span>`);
  if (entry.position > head.position) tags.push(html`<span class="tag off">undone</span>`);
  if (entry.position === head.savedPosition) tags.push(html`<span class="tag">saved</span>`);
  return tags;
}

function historyRows(head: SessionRecord, entries: HistoryEntryMeta[], showBaseline: boolean) {
  // The record cannot tell a session opened on a file apart from a new one saved later, so the baseline stays neutral.
  const baseline = { position: 0, at: head.createdAt, tool: "", description: "The document as the session began" };
  const rows = [...entries].sort((a, b) => a.position - b.position);
  return html`<table class="stack">
    <thead><tr><th>Position</th><th>Time</th><th>Tool</th><th>What happened</th><th></th></tr></thead>
    <tbody>${[...(showBaseline ? [baseline] : []), ...rows].map(
      (e) => html`<tr>
        <td data-label="Position">${e.position}</td>
        <td data-label="Time">${when(e.at)}</td>
        <td data-label="Tool">${e.tool ? html`<code>${e.tool}</code>` : "—"}</td>
        <td data-label="What happened">${e.description}</td>
        <td data-label="State">${entryState(e, head)}</td>
      </tr>`,
    )}</tbody>
  </table>`;
}

sessionPages.get("/:id", async (c) => {
  const id = c.req.param("id");
  const offset = Math.max(0, Number.parseInt(c.req.query("offset") ?? "0", 10) || 0);
  const { head, entries, total } = await c.var.services.sessionsFor(c.var.viewer.tenantId).history.history(id, offset, PAGE_SIZE);
  const more = offset + entries.length < total;
  const body = html`<p><a href="/dashboard/documents">← Documents</a></p>
    <h1>${head.title}</h1>
    <section class="card">
      <dl class="facts">
        <dt>Session</dt><dd><code>${head.id}</code></dd>
        <dt>Library file</dt><dd>${head.sourceName ?? "none yet (new document)"}</dd>
        <dt>Position</dt><dd>${head.position} of ${head.top} ${hasUnsavedChanges(head) ? html`<span class="tag warn">unsaved changes</span>` : ""}</dd>
        <dt>Saved at position</dt><dd>${head.savedPosition ?? "never saved"}</dd>
        <dt>Opened</dt><dd>${when(head.createdAt)}</dd>
        <dt>Last change</dt><dd>${when(head.updatedAt)}</dd>
      </dl>
    </section>
    <section class="card"><h2>History <span class="muted">(${total} edit${total === 1 ? "" : "s"})</span></h2>
      ${historyRows(head, entries, offset === 0 && head.baselineGeneration === 0)}
      ${offset > 0 ? html`<p><a href="/dashboard/sessions/${head.id}?offset=${Math.max(0, offset - PAGE_SIZE)}">Earlier entries</a></p>` : ""}
      ${more ? html`<p><a href="/dashboard/sessions/${head.id}?offset=${offset + PAGE_SIZE}">Later entries</a></p>` : ""}
      ${head.baselineGeneration > 0 ? html`<p class="muted">Earlier history was folded into a snapshot; positions count from it.</p>` : ""}
    </section>`;
  return renderPage(c, { title: head.title, body, active: "/dashboard/documents" });
});
