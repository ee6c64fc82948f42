// End-to-end: an agent edits through MCP while a person watches the session page; the edit shows without a reload.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { screenshots, step } from "./e2e-support.mjs";

/** How long an edit may take to appear on the watching page. */
const LIVE_WITHIN_MS = 2000;

export async function liveScenario(page, baseUrl) {
  // A token of its own: the tokens scenario revoked the one it made.
  await page.goto(baseUrl + "/dashboard/tokens");
  await page.getByLabel("Name").fill("Live agent (e2e)");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator("#new-token").textContent())?.trim() ?? "";
  const client = new Client({ name: "docx-edge-e2e-live", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  try {
    const created = await client.callTool({ name: "document_create", arguments: { title: "Watched contract" } });
    const id = created.structuredContent?.session?.id;
    const add = (text, at) =>
      client.callTool({ name: "add_element", arguments: { doc_id: id, path: `/body/children/${at}`, value: { type: "paragraph", text } } });
    step("the agent writes a first clause", !(await add("1. The supplier delivers on time.", 0)).isError);

    await page.goto(`${baseUrl}/dashboard/sessions/${id}`);
    const frame = page.frameLocator("iframe.rendering");
    await frame.getByText("The supplier delivers on time.").waitFor({ timeout: 5000 });
    await page.getByText("Live", { exact: true }).waitFor({ timeout: 5000 });
    step("the session page shows the document and goes live", true);
    await page.evaluate(() => {
      window.__notReloaded = true;
    });

    const started = Date.now();
    const edited = await add("2. The buyer pays within 30 days.", 1);
    step("the agent adds a second clause through MCP", !edited.isError);
    let shown = false;
    try {
      await frame.getByText("The buyer pays within 30 days.").waitFor({ timeout: LIVE_WITHIN_MS });
      await page.locator("td[data-label=Tool]", { hasText: "add_element" }).nth(1).waitFor({ timeout: LIVE_WITHIN_MS });
      shown = true;
    } catch {
      shown = false;
    }
    const elapsed = Date.now() - started;
    step(`the edit appears on the page within ${LIVE_WITHIN_MS} ms`, shown && elapsed <= LIVE_WITHIN_MS, `${elapsed} ms`);
    step("without a reload", await page.evaluate(() => window.__notReloaded === true));
    step("the position follows", (await page.locator("dl.facts").textContent())?.includes("2 of 2"));
    await screenshots(page, "session-live");

    await client.callTool({ name: "document_close", arguments: { doc_id: id, discard: true } });
    await page.getByText("Session closed", { exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
    step("closing the session shows on the page", true);
  } finally {
    await client.close();
  }
}
