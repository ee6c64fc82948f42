import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authDatabase } from "../../src/auth/database";
import { createBlankDocx } from "../../src/docx/index";
import { DocumentCache, DocumentSessions } from "../../src/sessions/index";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { R2SessionStore } from "../../src/storage/r2/session-store";
import { DurableSessionIndex, tenantStub } from "../../src/tenant/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { connectMcp, ORIGIN } from "../support/mcp-client";
import { location, TestBrowser } from "./browser";

async function upload(browser: TestBrowser, name: string, bytes: Uint8Array) {
  await browser.get("/dashboard/documents");
  const form = new FormData();
  form.set("_csrf", browser.csrf);
  form.set("file", new File([bytes], name));
  return browser.request("/dashboard/documents/upload", { method: "POST", headers: { origin: ORIGIN }, body: form });
}

async function tokenOf(browser: TestBrowser): Promise<string> {
  await browser.get("/dashboard/tokens");
  await browser.post("/dashboard/tokens", { name: "agent", scope_read: "1", scope_write: "1", expiry: "none" });
  return browser.lastPage.match(/id="new-token">(dxe_[0-9A-Za-z]+)</)![1];
}

describe("dashboard: documents page", () => {
  it("uploads, lists, downloads and deletes a library file", async () => {
    const browser = new TestBrowser();
    await browser.signUp("docs-library@example.com");
    const bytes = createBlankDocx();
    expect(location(await upload(browser, "Report Q3.docx", bytes))).toBe("/dashboard/documents");
    await browser.get("/dashboard/documents");
    expect(browser.lastPage).toContain("Report Q3.docx");

    const download = await browser.request(`/dashboard/documents/download?name=${encodeURIComponent("Report Q3.docx")}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("Report%20Q3.docx");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);

    await browser.get("/dashboard/documents");
    await browser.post("/dashboard/documents/delete", { name: "Report Q3.docx" });
    await browser.get("/dashboard/documents");
    expect(browser.lastPage).toContain("Your library is empty");
  });

  it("refuses a file that is not a .docx package, with a readable page", async () => {
    const browser = new TestBrowser();
    await browser.signUp("docs-bad@example.com");
    const response = await upload(browser, "notes.docx", new TextEncoder().encode("just text"));
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("is not a .docx file");
  });

  it("keeps each tenant's library and sessions to itself", async () => {
    const alice = new TestBrowser();
    await alice.signUp("docs-alice@example.com");
    await upload(alice, "alice-only.docx", createBlankDocx());
    const agent = await connectMcp({ authorization: `Bearer ${await tokenOf(alice)}` });
    const created = (await agent.callTool({ name: "document_create", arguments: { title: "Alice draft" } })).structuredContent as {
      session: { id: string };
    };

    const bob = new TestBrowser();
    await bob.signUp("docs-bob@example.com");
    await bob.get("/dashboard/documents");
    expect(bob.lastPage).not.toContain("alice-only.docx");
    expect(bob.lastPage).not.toContain("Alice draft");
    expect((await bob.request(`/dashboard/documents/download?name=alice-only.docx`)).status).toBe(404);
    expect((await bob.get(`/dashboard/sessions/${created.session.id}`)).status).toBe(404);
  });
});

describe("dashboard: session history (WAL viewer)", () => {
  it("lists open sessions with position, and shows each edit with its position, time, tool and description", async () => {
    const browser = new TestBrowser();
    await browser.signUp("docs-wal@example.com");
    await upload(browser, "contract.docx", buildDocx({ body: p("First clause") + p("Second clause") + "<w:sectPr/>" }));
    const agent = await connectMcp({ authorization: `Bearer ${await tokenOf(browser)}` });
    const opened = (await agent.callTool({ name: "document_open", arguments: { path: "contract.docx" } })).structuredContent as {
      session: { id: string };
    };
    const id = opened.session.id;

    // Edits go through the same history the MCP edit tools use, on the Worker's own R2 and Durable Object.
    const user = await authDatabase(env.DB).query.users.findFirst({ where: (u, { eq }) => eq(u.email, "docs-wal@example.com") });
    const sessions = new DocumentSessions({
      tenantId: user!.tenantId,
      library: new R2LibraryStore(env.DOCS),
      store: new R2SessionStore(env.DOCS),
      index: new DurableSessionIndex(tenantStub(env.TENANT, user!.tenantId)),
      cache: new DocumentCache(),
    });
    for (const [i, text] of ["Clause one, amended", "Clause two, amended"].entries()) {
      await sessions.history.edit(id, { tool: "paragraph_set_text" }, (doc) => {
        doc.replaceParagraphText(`/body/paragraph[${i}]`, text);
        return { result: null, description: `Set paragraph ${i} to "${text}"` };
      });
    }
    await sessions.history.moveTo(id, (head) => head.position - 1);

    await browser.get("/dashboard/documents");
    expect(browser.lastPage).toContain(`href="/dashboard/sessions/${id}"`);
    expect(browser.lastPage).toMatch(/data-label="Position">1 <span class="tag warn">unsaved/);

    await browser.get(`/dashboard/sessions/${id}`);
    const page = browser.lastPage;
    expect(page).toContain("The document as the session began");
    expect(page).toContain("Set paragraph 0 to &quot;Clause one, amended&quot;");
    expect(page).toContain("Set paragraph 1 to &quot;Clause two, amended&quot;");
    expect(page).toContain("<code>paragraph_set_text</code>");
    expect(page).toMatch(/1 of 2/);
    expect(page.indexOf("Clause one")).toBeLessThan(page.indexOf("Clause two"));
    expect(page).toMatch(/Clause two, amended&quot;<\/td>\s*<td data-label="State"><span class="tag off">undone/);
    expect(page).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });
});
