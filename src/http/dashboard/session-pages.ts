import { Hono } from "hono";
import { html } from "hono/html";
import { hasUnsavedChanges, type SessionRecord } from "../../sessions/index";
import { renderPage, when } from "./layout";
import type { WebEnv } from "./services";

/**
 * The WAL viewer: one editing session and its history. The sessions layer records positions and times
 * today; per-edit entries with descriptions join this table when the history store exposes them.
 */
export const sessionPages = new Hono<WebEnv>();

interface HistoryLine {
  position: number;
  at: string;
  description: string;
}

/** Every history point the session record can vouch for, oldest first (times only where recorded). */
function knownHistory(s: SessionRecord): HistoryLine[] {
  const lines: HistoryLine[] = [{ position: 0, at: s.createdAt, description: "Session started" }];
  if (s.position > 0) {
    lines.push({ position: s.position, at: s.updatedAt, description: `Current state, after ${s.position} edit${s.position === 1 ? "" : "s"}` });
  }
  if (s.savedPosition !== null && s.sourceName) {
    // Opening a file records it as saved at position 0; a save records the position it wrote.
    lines.push({ position: s.savedPosition, at: s.savedPosition === s.position ? s.updatedAt : "", description: `Matches the library file ${s.sourceName}` });
  }
  return lines.sort((a, b) => a.position - b.position);
}

sessionPages.get("/:id", async (c) => {
  const session = await c.var.services.sessionsFor(c.var.viewer.tenantId).get(c.req.param("id"));
  const body = html`<p><a href="/dashboard/documents">← Documents</a></p>
    <h1>${session.title}</h1>
    <section class="card">
      <dl class="facts">
        <dt>Session</dt><dd><code>${session.id}</code></dd>
        <dt>Source</dt><dd>${session.sourceName ?? "new document"}</dd>
        <dt>Position</dt><dd>${session.position} ${hasUnsavedChanges(session) ? html`<span class="tag warn">unsaved changes</span>` : ""}</dd>
        <dt>Saved at position</dt><dd>${session.savedPosition ?? "never saved"}</dd>
        <dt>Opened</dt><dd>${when(session.createdAt)}</dd>
        <dt>Last change</dt><dd>${when(session.updatedAt)}</dd>
      </dl>
    </section>
    <section class="card"><h2>History</h2>
      <table class="stack">
        <thead><tr><th>Position</th><th>Time</th><th>What happened</th></tr></thead>
        <tbody>${knownHistory(session).map(
          (line) => html`<tr><td data-label="Position">${line.position}</td><td data-label="Time">${line.at ? when(line.at) : "—"}</td><td data-label="What happened">${line.description}</td></tr>`,
        )}</tbody>
      </table>
      <p class="muted">Individual edits with their descriptions are listed here once the server records edit history.</p>
    </section>`;
  return renderPage(c, { title: session.title, body, active: "/dashboard/documents" });
});
