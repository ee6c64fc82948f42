import { Hono } from "hono";
import { html } from "hono/html";
import { type HistoryEntryMeta, hasUnsavedChanges, type SessionRecord } from "../../sessions/index";
import { renderingPage } from "./document-view";
import { renderPage, when } from "./layout";
import { LIVE_VIEW_SCRIPT } from "./live-view";
import type { WebEnv } from "./services";

/**
 * The WAL viewer: one editing session, its document as it stands and its write-ahead history, oldest first.
 * Entries above the cursor were undone and can still be redone; the saved position marks what the library file
 * holds. The page follows the session live (LIVE_VIEW_SCRIPT over the session's event stream).
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

/** Links to a session page with the history offset and rendering page given, keeping the other. */
const pageLink = (id: string, offset: number, page: number) => `/dashboard/sessions/${id}?offset=${offset}&page=${page}`;

function renderingCard(head: SessionRecord, page: number, pages: number, offset: number) {
  return html`<section class="card"><h2>Document <span class="muted">(${pages > 1 ? `page ${page} of ${pages}, ` : ""}position ${head.position})</span></h2>
    <iframe class="rendering" sandbox title="${head.title} at position ${head.position}" src="/dashboard/sessions/${head.id}/rendering?page=${page}&amp;position=${head.position}&amp;version=${head.version}"></iframe>
    ${
      pages > 1
        ? html`<p class="buttons">${page > 1 ? html`<a href="${pageLink(head.id, offset, page - 1)}">Previous page</a>` : ""}
            ${page < pages ? html`<a href="${pageLink(head.id, offset, page + 1)}">Next page</a>` : ""}</p>`
        : ""
    }
  </section>`;
}

sessionPages.get("/:id", async (c) => {
  const id = c.req.param("id");
  const offset = Math.max(0, Number.parseInt(c.req.query("offset") ?? "0", 10) || 0);
  const sessions = c.var.services.sessionsFor(c.var.viewer.tenantId);
  const { head, entries, total } = await sessions.history.history(id, offset, PAGE_SIZE);
  const { pages } = await sessions.history.read(id, (doc) => renderingPage(doc.export("html"), 0));
  const page = Math.min(pages, Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
  const more = offset + entries.length < total;
  const body = html`<p><a href="/dashboard/documents">← Documents</a> <span class="live-state tag off" id="live-state" role="status">Connecting…</span></p>
    <h1>${head.title}</h1>
    <div id="live-session" data-stream="/dashboard/sessions/${head.id}/live">
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
    ${renderingCard(head, page, pages, offset)}
    <section class="card"><h2>History <span class="muted">(${total} edit${total === 1 ? "" : "s"})</span></h2>
      ${historyRows(head, entries, offset === 0 && head.baselineGeneration === 0)}
      ${offset > 0 ? html`<p><a href="${pageLink(head.id, Math.max(0, offset - PAGE_SIZE), page)}">Earlier entries</a></p>` : ""}
      ${more ? html`<p><a href="${pageLink(head.id, offset + PAGE_SIZE, page)}">Later entries</a></p>` : ""}
      ${head.baselineGeneration > 0 ? html`<p class="muted">Earlier history was folded into a snapshot; positions count from it.</p>` : ""}
    </section>
    </div>`;
  return renderPage(c, { title: head.title, body, active: "/dashboard/documents", live: LIVE_VIEW_SCRIPT });
});
