import { describe, expect, it } from "vitest";
import { createBlankDocx } from "../../src/docx/index";
import { ORIGIN, connectMcp } from "../support/mcp-client";
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
    const created = (await agent.callTool({ name: "document_create", arguments: { title: "Alice draft" } })).structuredContent as { session: { id: string } };

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
  it("lists open sessions with position and times, and shows a session's history", async () => {
    const browser = new TestBrowser();
    await browser.signUp("docs-wal@example.com");
    await upload(browser, "contract.docx", createBlankDocx());
    const agent = await connectMcp({ authorization: `Bearer ${await tokenOf(browser)}` });
    const opened = (await agent.callTool({ name: "document_open", arguments: { path: "contract.docx" } })).structuredContent as { session: { id: string } };

    await browser.get("/dashboard/documents");
    expect(browser.lastPage).toContain(`href="/dashboard/sessions/${opened.session.id}"`);
    expect(browser.lastPage).toMatch(/data-label="Position">0/);

    await browser.get(`/dashboard/sessions/${opened.session.id}`);
    expect(browser.lastPage).toContain("Session started");
    expect(browser.lastPage).toContain("Matches the library file contract.docx");
    expect(browser.lastPage).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  });
});
