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

/** Every history point the session record can vouch for, oldest first. */
function knownHistory(s: SessionRecord): HistoryLine[] {
  const lines: HistoryLine[] = [
    { position: 0, at: s.createdAt, description: s.sourceName ? `Opened from the library file ${s.sourceName}` : "Created as a new, empty document" },
  ];
  if (s.savedPosition !== null && s.savedPosition > 0 && s.savedPosition < s.position) {
    lines.push({ position: s.savedPosition, at: "", description: "Saved to the library" });
  }
  if (s.position > 0) {
    const saved = s.savedPosition === s.position ? "; saved to the library" : "";
    lines.push({ position: s.position, at: s.updatedAt, description: `Current state after ${s.position} edit${s.position === 1 ? "" : "s"}${saved}` });
  }
  return lines;
}

sessionPages.get("/:id", async (c) => {
  const session = await c.var.services.sessionsFor(c.var.viewer.tenantId).get(c.req.param("id"));
  const body = html`<p><a href="/dashboard/documents">← Documents</a></p>
    <h1>${session.title}</h1>
    <section class="card">
      <table class="stack"><tbody>
        <tr><td data-label="Session">Session</td><td data-label=""><code>${session.id}</code></td></tr>
        <tr><td data-label="Source">Source</td><td data-label="">${session.sourceName ?? "new document"}</td></tr>
        <tr><td data-label="Position">Position</td><td data-label="">${session.position} ${hasUnsavedChanges(session) ? html`<span class="tag warn">unsaved changes</span>` : ""}</td></tr>
        <tr><td data-label="Saved at">Saved at position</td><td data-label="">${session.savedPosition ?? "never saved"}</td></tr>
        <tr><td data-label="Opened">Opened</td><td data-label="">${when(session.createdAt)}</td></tr>
        <tr><td data-label="Last change">Last change</td><td data-label="">${when(session.updatedAt)}</td></tr>
      </tbody></table>
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
