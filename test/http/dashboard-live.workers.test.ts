import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callOk, connectMcp, ORIGIN } from "../support/mcp-client";
import { TestBrowser } from "./browser";

// The session page's live view: the rendering frame's URL, and the event stream an edit through /mcp reaches.

async function agentOf(browser: TestBrowser) {
  await browser.get("/dashboard/tokens");
  await browser.post("/dashboard/tokens", { name: "agent", scope_read: "1", scope_write: "1", expiry: "none" });
  const token = browser.lastPage.match(/id="new-token">(dxe_[0-9A-Za-z]+)</)![1];
  return connectMcp({ authorization: `Bearer ${token}` });
}

async function upload(browser: TestBrowser, name: string, bytes: Uint8Array) {
  await browser.get("/dashboard/documents");
  const form = new FormData();
  form.set("_csrf", browser.csrf);
  form.set("file", new File([bytes], name));
  const response = await browser.request("/dashboard/documents/upload", { method: "POST", headers: { origin: ORIGIN }, body: form });
  expect(response.status).toBe(303);
}

/** Reads server-sent events from a response until `count` have arrived. */
async function readEvents(response: Response, count: number) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; data: any }[] = [];
  let buffer = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = block.match(/^event: (.*)$/m)?.[1];
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
      end = buffer.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}

describe("dashboard: live session view", () => {
  it("shows the document's rendering and streams each edit made through MCP", async () => {
    const browser = new TestBrowser();
    await browser.signUp(`live-view-${Date.now()}@example.com`);
    const agent = await agentOf(browser);
    await upload(browser, "live.docx", buildDocx({ body: p("Draft paragraph.") }));
    const id = (await callOk(agent, "document_open", { path: "live.docx" })).session.id;
    await callOk(agent, "replace_text", { doc_id: id, find: "Draft", replace: "Watched" });

    const page = await browser.get(`/dashboard/sessions/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'; frame-src 'self'");
    expect(browser.lastPage).toContain(`data-stream="/dashboard/sessions/${id}/live"`);
    const frame = browser.lastPage.match(/<iframe class="rendering" sandbox [^>]*src="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(frame).toBe(`/dashboard/sessions/${id}/rendering?page=1&position=1&version=1`);
    const rendering = await browser.request(frame!);
    expect(rendering.headers.get("content-security-policy")).toContain("sandbox");
    expect(rendering.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(await rendering.text()).toContain("Watched paragraph.");

    const stream = await browser.request(`/dashboard/sessions/${id}/live`, { headers: { accept: "text/event-stream" } });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const heard = readEvents(stream, 3);
    await callOk(agent, "replace_text", { doc_id: id, find: "Watched", replace: "Edited" });
    await callOk(agent, "document_undo", { doc_id: id });
    expect(await heard).toMatchObject([
      { event: "ready", data: { position: 1 } },
      { event: "change", data: { kind: "edited", position: 2, tool: "replace_text", key: `session:${id}` } },
      { event: "change", data: { kind: "moved", from: 2, position: 1 } },
    ]);
  });

  it("refuses the stream of another tenant's session and asks a signed-out visitor to sign in", async () => {
    const owner = new TestBrowser();
    await owner.signUp(`live-owner-${Date.now()}@example.com`);
    const id = (await callOk(await agentOf(owner), "document_create", { title: "Private" })).session.id;
    const stranger = new TestBrowser();
    await stranger.signUp(`live-stranger-${Date.now()}@example.com`);
    const refused = await stranger.request(`/dashboard/sessions/${id}/live`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: "session_not_found", message: expect.stringContaining(id) });
    expect((await stranger.request(`/dashboard/sessions/${id}/rendering`)).status).toBe(404);
    const anonymous = await new TestBrowser().request(`/dashboard/sessions/${id}/live`);
    expect(anonymous.status).toBe(303);
  });

  it("ends the stream at the next event once the viewer has signed out", async () => {
    const browser = new TestBrowser();
    await browser.signUp(`live-signout-${Date.now()}@example.com`);
    const agent = await agentOf(browser);
    await upload(browser, "watched.docx", buildDocx({ body: p("Before.") }));
    const id = (await callOk(agent, "document_open", { path: "watched.docx" })).session.id;
    const stream = await browser.request(`/dashboard/sessions/${id}/live`);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain("event: ready");
    await browser.get("/dashboard/tokens");
    expect((await browser.post("/signout", {})).status).toBe(303);
    await callOk(agent, "replace_text", { doc_id: id, find: "Before.", replace: "After." });
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });

  it("pages a large document's rendering", async () => {
    const browser = new TestBrowser();
    await browser.signUp(`live-pages-${Date.now()}@example.com`);
    const agent = await agentOf(browser);
    const long = "Long paragraph text that fills the page. ".repeat(100);
    const body = Array.from({ length: 120 }, (_, i) => p(`${i + 1}. ${long}`)).join("");
    await upload(browser, "long.docx", buildDocx({ body }));
    const id = (await callOk(agent, "document_open", { path: "long.docx" })).session.id;
    await browser.get(`/dashboard/sessions/${id}?page=2`);
    expect(browser.lastPage).toMatch(/page 2 of 2/);
    const second = await (await browser.request(`/dashboard/sessions/${id}/rendering?page=2`)).text();
    const first = await (await browser.request(`/dashboard/sessions/${id}/rendering?page=1`)).text();
    expect(first).toContain("1. Long paragraph");
    expect(first).not.toContain("120. Long paragraph");
    expect(second).not.toContain(">1. Long paragraph");
    expect(first.length).toBeLessThan(300 * 1024);
  });
});
