import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { authDatabase } from "../../src/auth/database";
import { createBlankDocx } from "../../src/docx/index";
import { ORIGIN } from "../support/mcp-client";
import { TestBrowser } from "./browser";

const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII="),
  (c) => c.charCodeAt(0),
);

describe("dashboard: library file types", () => {
  it("lists documents, pictures and exports with what each is", async () => {
    const browser = new TestBrowser();
    await browser.signUp("docs-types@example.com");
    await browser.get("/dashboard/documents");
    const form = new FormData();
    form.set("_csrf", browser.csrf);
    form.set("file", new File([createBlankDocx()], "letter.docx"));
    await browser.request("/dashboard/documents/upload", { method: "POST", headers: { origin: ORIGIN }, body: form });
    const user = await authDatabase(env.DB).query.users.findFirst({ where: (u, { eq }) => eq(u.email, "docs-types@example.com") });
    await env.DOCS.put(`t/${user!.tenantId}/lib/pics/logo.png`, PNG, { httpMetadata: { contentType: "image/png" } });
    await env.DOCS.put(`t/${user!.tenantId}/lib/exports/letter.html`, "<p>x</p>", {
      httpMetadata: { contentType: "text/html; charset=utf-8" },
    });

    await browser.get("/dashboard/documents");
    const page = browser.lastPage;
    expect(page).toMatch(/letter\.docx<\/a><\/td>\s*<td data-label="Type">Word document<\/td>/);
    expect(page).toMatch(/pics\/logo\.png<\/a><\/td>\s*<td data-label="Type">Picture \(PNG\)<\/td>/);
    expect(page).toMatch(/exports\/letter\.html<\/a><\/td>\s*<td data-label="Type">HTML export<\/td>/);
  });
});
