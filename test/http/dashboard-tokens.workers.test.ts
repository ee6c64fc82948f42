import { describe, expect, it } from "vitest";
import { toolSetSizes } from "../../src/mcp/index";
import { connectMcp, workerFetch } from "../support/mcp-client";
import { location, TestBrowser } from "./browser";

const newToken = (page: string) => page.match(/id="new-token">(dxe_[0-9A-Za-z]+)</)?.[1];

describe("dashboard: tokens page", () => {
  it("sends a signed-out visitor to sign in, and back to the page they wanted", async () => {
    const browser = new TestBrowser();
    expect(location(await browser.get("/"))).toBe("/signin");
    const redirected = await browser.get("/dashboard/documents");
    expect(location(redirected)).toBe("/signin?next=%2Fdashboard%2Fdocuments");
  });

  it("creates a token shown exactly once, with a copy button and a Claude Code command", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-once@example.com");
    const created = await browser.post("/dashboard/tokens", { name: "laptop", scope_read: "1", scope_write: "1", expiry: "30" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const token = newToken(browser.lastPage)!;
    expect(token).toMatch(/^dxe_/);
    expect(browser.lastPage).toContain('data-copy="new-token"');
    expect(browser.lastPage).toContain(
      `claude mcp add --transport http docx-edge https://docx-edge.test/mcp --header &quot;Authorization: Bearer ${token}&quot;`,
    );

    await browser.get("/dashboard/tokens");
    expect(browser.lastPage).not.toContain(token);
    expect(browser.lastPage).toContain(`${token.slice(0, 8)}…${token.slice(-4)}`);
    expect(browser.lastPage).toContain("laptop");
  });

  it("issues a token that works on /mcp until revoked, and fails on the very next request after", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-revoke@example.com");
    await browser.post("/dashboard/tokens", { name: "script", scope_read: "1", expiry: "none" });
    const token = newToken(browser.lastPage)!;
    const client = await connectMcp({ authorization: `Bearer ${token}` });
    expect((await client.callTool({ name: "document_list", arguments: {} })).isError).toBeFalsy();

    const id = browser.lastPage.match(/action="\/dashboard\/tokens\/([^/]+)\/revoke"/)![1];
    expect(location(await browser.post(`/dashboard/tokens/${id}/revoke`, {}))).toBe("/dashboard/tokens");
    await expect(client.callTool({ name: "document_list", arguments: {} })).rejects.toThrow(/401|revoked/i);
    await browser.get("/dashboard/tokens");
    expect(browser.lastPage).toContain("revoked");
  });

  it("grants only the scopes chosen and sets the chosen expiry", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-scopes@example.com");
    await browser.post("/dashboard/tokens", { name: "reader", scope_read: "1", expiry: "7" });
    const token = newToken(browser.lastPage)!;
    const upload = await workerFetch("/api/files/x.docx", { method: "PUT", headers: { authorization: `Bearer ${token}` }, body: "x" });
    expect(upload.status).toBe(403);
    const week = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await browser.get("/dashboard/tokens");
    expect(browser.lastPage).toContain(week);
  });

  it("offers the tool sets with their measured sizes, compact checked", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-sets-form@example.com");
    const sizes = toolSetSizes();
    const about = (chars: number) => `about ${(Math.round(chars / 1000) * 1000).toLocaleString("en-US")} characters`;
    expect(browser.lastPage).toMatch(/<input type="radio" name="tool_set" value="compact" checked \/>/);
    expect(browser.lastPage).toContain(`compact (recommended; ${sizes.compact.tools} tools, ${about(sizes.compact.chars)} of context)`);
    expect(browser.lastPage).toContain(`complete docx-mcp set (48 tools, ${about(sizes.complete.chars)})`);
  });

  it("creates tokens with each tool set, shows each token's set, and /mcp lists that set", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-sets@example.com");
    const listed: Record<string, string[]> = {};
    for (const toolSet of ["compact", "complete"]) {
      await browser.post("/dashboard/tokens", {
        name: `agent ${toolSet}`,
        scope_read: "1",
        scope_write: "1",
        expiry: "7",
        tool_set: toolSet,
      });
      const client = await connectMcp({ authorization: `Bearer ${newToken(browser.lastPage)!}` });
      listed[toolSet] = (await client.listTools()).tools.map((t) => t.name);
      // Listing is all the set changes: either token's call reaches replace_text, which refuses only the unknown session.
      const call = await client.callTool({ name: "replace_text", arguments: { doc_id: "missing", find: "a", replace: "b" } });
      expect(call.structuredContent).toMatchObject({ error: { kind: "session_not_found", sessionId: "missing" } });
    }
    expect(listed.complete).toHaveLength(48);
    expect(listed.compact).toContain("apply_patch");
    expect(listed.compact).not.toContain("replace_text");
    await browser.get("/dashboard/tokens");
    const row = (name: string) =>
      browser.lastPage.match(new RegExp(`${name}</td>[\\s\\S]*?data-label="Tools"><span class="tag">(\\w+)<`))?.[1];
    expect([row("agent compact"), row("agent complete")]).toEqual(["compact", "complete"]);
  });

  it("refuses a tool set no form offers with a 400 naming the choices, and creates nothing", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-sets-bad@example.com");
    const refused = await browser.post("/dashboard/tokens", { name: "tampered", scope_read: "1", expiry: "7", tool_set: "everything" });
    expect(refused.status).toBe(400);
    expect(browser.lastPage).toContain("Choose which tools agents see: compact or complete.");
    expect(browser.lastPage).not.toMatch(/id="new-token"/);
    await browser.get("/dashboard/tokens");
    expect(browser.lastPage).not.toContain("tampered");
  });

  it("refuses a form without a valid CSRF token or from another site (cross-site request forgery)", async () => {
    const browser = new TestBrowser();
    await browser.signUp("tokens-csrf@example.com");
    const fields = { name: "forged", scope_read: "1", expiry: "none" };
    expect((await browser.post("/dashboard/tokens", fields, { csrf: null })).status).toBe(403);
    expect((await browser.post("/dashboard/tokens", fields, { csrf: "A".repeat(43) })).status).toBe(403);
    expect((await browser.post("/dashboard/tokens", fields, { origin: "https://evil.example" })).status).toBe(403);
    // A token from another browser's page is bound to that browser's cookie, so it does not transfer.
    const attacker = new TestBrowser();
    await attacker.get("/signin");
    expect((await browser.post("/dashboard/tokens", fields, { csrf: attacker.csrf })).status).toBe(403);
    await browser.get("/dashboard/tokens");
    expect(browser.lastPage).not.toContain("forged");
  });

  it("cannot revoke another tenant's token", async () => {
    const owner = new TestBrowser();
    await owner.signUp("tokens-owner@example.com");
    await owner.post("/dashboard/tokens", { name: "mine", scope_read: "1", expiry: "none" });
    const token = newToken(owner.lastPage)!;
    const id = owner.lastPage.match(/action="\/dashboard\/tokens\/([^/]+)\/revoke"/)![1];
    const other = new TestBrowser();
    await other.signUp("tokens-other@example.com");
    await other.post(`/dashboard/tokens/${id}/revoke`, {});
    const client = await connectMcp({ authorization: `Bearer ${token}` });
    expect((await client.callTool({ name: "document_list", arguments: {} })).isError).toBeFalsy();
  });

  it("keeps pages out of frames and sends sign-in only to our own pages (clickjacking, open redirect)", async () => {
    const browser = new TestBrowser();
    const page = await browser.get("/signin?next=//evil.example/x");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(browser.lastPage).toContain('name="next" value="/dashboard/tokens"');
    await browser.post("/signup", {
      name: "r",
      email: "redirect@example.com",
      password: "a long enough password",
      next: "https://evil.example",
    });
    const signedIn = await browser.post("/signout", {});
    expect(location(signedIn)).toBe("/signin");
    await browser.get("/signin");
    const back = await browser.post("/signin", {
      email: "redirect@example.com",
      password: "a long enough password",
      next: "/\\evil.example",
    });
    expect(location(back)).toBe("/dashboard/tokens");
  });
});
