// End-to-end: sign up in the browser, create a token, use it from the MCP SDK client, revoke it, see the next call fail.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { newContext, screenshots, step } from "./e2e-support.mjs";

export async function tokensScenario(browser, baseUrl, account) {
  const context = await newContext(browser);
  const page = await context.newPage();

  await page.goto(baseUrl + "/");
  step("signed-out visitor lands on sign-in", new URL(page.url()).pathname === "/signin", page.url());
  await screenshots(page, "signin");
  await page.getByRole("link", { name: "Create an account" }).click();
  await screenshots(page, "signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  step(
    "sign-up asks to sign in, with the address filled in",
    (await page.getByRole("status").textContent())?.includes("Sign in with it") &&
      (await page.getByLabel("Email").inputValue()) === account.email,
  );
  await screenshots(page, "signed-up");
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard/tokens");
  step("signing in lands on the tokens page", (await page.locator("h1").textContent()) === "Access tokens");

  await page.getByLabel("Name").fill("Claude Code (e2e)");
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator("#new-token").textContent())?.trim() ?? "";
  step("the new token is shown once", /^dxe_[0-9A-Za-z]{38}$/.test(token));
  step(
    "with a ready-to-paste Claude Code command",
    (await page.locator("#claude-command").textContent())?.includes(`claude mcp add --transport http docx-edge ${baseUrl}/mcp`),
  );
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  await page.locator('[data-copy="new-token"]').click();
  step("the copy button copies the token", (await page.evaluate(() => navigator.clipboard.readText())) === token);
  await screenshots(page, "token-created", ["#new-token", "#claude-command"]);

  const client = new Client({ name: "docx-edge-e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/mcp", baseUrl), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  const created = await client.callTool({ name: "document_create", arguments: { title: "E2E draft" } });
  step("the token works from the MCP SDK client", !created.isError, created.structuredContent?.session?.id);
  const saved = await client.callTool({
    name: "document_save",
    arguments: { doc_id: created.structuredContent?.session?.id, output_path: "e2e/report.docx" },
  });
  step("document_save puts a file in the library", !saved.isError);

  await page.goto(baseUrl + "/dashboard/tokens");
  step(
    "the list shows the token by prefix and last four only",
    (await page.content()).includes(`${token.slice(0, 8)}…${token.slice(-4)}`) && !(await page.content()).includes(token),
  );
  await screenshots(page, "tokens");
  await page.getByRole("button", { name: "Revoke Claude Code (e2e)" }).click();
  await page.waitForLoadState();
  step("revoked token is marked revoked", (await page.locator("td[data-label=Status]").first().textContent())?.includes("revoked"));

  let refused = false;
  try {
    const after = await client.callTool({ name: "document_list", arguments: {} });
    refused = Boolean(after.isError);
  } catch (error) {
    refused = /401|revoked|invalid_token/i.test(String(error));
  }
  step("the very next MCP call with the revoked token fails", refused);
  await client.close();
  return { context, page };
}
