import { Hono } from "hono";
import { html } from "hono/html";
import { hasUnsavedChanges, type LibraryFileInfo, SessionError, type SessionRecord, validateLibraryName } from "../../sessions/index";
import { checkDocxUpload } from "../docx-upload-check";
import { downloadHeaders } from "../download-headers";
import { HttpError } from "../http-errors";
import { csrfField, renderPage, when } from "./layout";
import type { WebContext, WebEnv } from "./services";

/** The library (upload, download, delete) and the open editing sessions, for the signed-in tenant. */
export const documentPages = new Hono<WebEnv>();

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const LIST_LIMIT = 200;
const kilobytes = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** What a library file is, in a word: documents, pictures and exports share the library. */
const fileKind = (contentType: string) =>
  contentType === DOCX_TYPE
    ? "Word document"
    : contentType.startsWith("image/")
      ? `Picture (${contentType.slice(6).toUpperCase()})`
      : contentType.startsWith("text/html")
        ? "HTML export"
        : contentType.startsWith("text/markdown")
          ? "Markdown export"
          : contentType;

const fileRows = (c: WebContext, files: LibraryFileInfo[]) =>
  files.length === 0
    ? html`<p class="empty">Your library is empty. Upload a .docx file to start.</p>`
    : html`<table class="stack">
        <thead><tr><th>Name</th><th>Type</th><th>Size</th><th>Uploaded</th><th></th></tr></thead>
        <tbody>${files.map(
          (f) => html`<tr>
            <td data-label="Name"><a href="/dashboard/documents/download?name=${encodeURIComponent(f.name)}">${f.name}</a></td>
            <td data-label="Type">${fileKind(f.contentType)}</td>
            <td data-label="Size">${kilobytes(f.size)}</td>
            <td data-label="Uploaded">${when(f.uploadedAt)}</td>
            <td class="actions"><form class="inline" method="post" action="/dashboard/documents/delete">${csrfField(c)}<input type="hidden" name="name" value="${f.name}" /><button class="danger" type="submit" aria-label="Delete ${f.name}">Delete</button></form></td>
          </tr>`,
        )}</tbody>
      </table>`;

/** Where the library copy is in the session's history; a new document has none until its first save. */
const savedAt = (s: SessionRecord) =>
  s.sourceName === null
    ? "never"
    : s.savedPosition === null
      ? "discarded branch"
      : s.savedPosition < 0
        ? "before snapshot"
        : s.savedPosition;

const sessionRows = (sessions: SessionRecord[]) =>
  sessions.length === 0
    ? html`<p class="empty">No open sessions. An agent opens one with document_open or document_create.</p>`
    : html`<table class="stack">
        <thead><tr><th>Title</th><th>Source</th><th>Position</th><th>Saved at</th><th>Opened</th><th>Last change</th></tr></thead>
        <tbody>${sessions.map(
          (s) => html`<tr>
            <td data-label="Title"><a href="/dashboard/sessions/${s.id}">${s.title}</a></td>
            <td data-label="Source">${s.sourceName ?? html`<span class="muted">new document</span>`}</td>
            <td data-label="Position">${s.position} ${hasUnsavedChanges(s) ? html`<span class="tag warn">unsaved</span>` : ""}</td>
            <td data-label="Saved at">${savedAt(s)}</td>
            <td data-label="Opened">${when(s.createdAt)}</td>
            <td data-label="Last change">${when(s.updatedAt)}</td>
          </tr>`,
        )}</tbody>
      </table>`;

documentPages.get("/", async (c) => {
  const { tenantId } = c.var.viewer;
  const [library, open] = await Promise.all([
    c.var.services.library.list(tenantId, { limit: LIST_LIMIT }),
    c.var.services.sessionsFor(tenantId).list({ limit: LIST_LIMIT }),
  ]);
  const body = html`<h1>Documents</h1>
    <section class="card"><h2>Upload</h2>
      <form method="post" action="/dashboard/documents/upload" enctype="multipart/form-data">
        ${csrfField(c)}
        <div class="row"><div class="field"><label for="file">Word document (.docx)</label><input id="file" name="file" type="file" accept=".docx,${DOCX_TYPE}" required /></div>
        <div class="field"><button type="submit">Upload</button></div></div>
      </form>
    </section>
    <section class="card"><h2>Library</h2>${fileRows(c, library.files)}</section>
    <section class="card"><h2>Open sessions <span class="muted">(${open.total})</span></h2>${sessionRows(open.sessions)}</section>`;
  return renderPage(c, { title: "Documents", body, active: "/dashboard/documents" });
});

documentPages.post("/upload", async (c) => {
  const file = (await c.req.parseBody()).file;
  if (!(file instanceof File) || file.size === 0) throw new HttpError({ kind: "bad_request", message: "Choose a .docx file to upload." });
  const name = validateLibraryName(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  checkDocxUpload(name, bytes); // what document_open would refuse is not stored
  await c.var.services.library.write(c.var.viewer.tenantId, name, bytes, DOCX_TYPE);
  return c.redirect("/dashboard/documents", 303);
});

documentPages.get("/download", async (c) => {
  const name = validateLibraryName(c.req.query("name") ?? "");
  const file = await c.var.services.library.open(c.var.viewer.tenantId, name);
  if (!file) throw new SessionError({ kind: "file_not_found", name, message: `No file named ${JSON.stringify(name)} in your library.` });
  return c.body(file.body, 200, { ...downloadHeaders(file.info), "Cache-Control": "no-store" });
});

documentPages.post("/delete", async (c) => {
  const name = validateLibraryName(String((await c.req.parseBody()).name ?? ""));
  await c.var.services.library.remove(c.var.viewer.tenantId, name);
  return c.redirect("/dashboard/documents", 303);
});
