#!/usr/bin/env node
// Browser end-to-end test against a running Worker (wrangler dev). Usage: node scripts/e2e.mjs <base-url>
// Needs Chromium at /usr/bin/chromium (apt-get install chromium) or CHROMIUM_PATH; screenshots go to test-artifacts/e2e/.
import { documentsScenario } from "./e2e-documents.mjs";
import { liveScenario } from "./e2e-live.mjs";
import { oauthScenario, serveClientDocument } from "./e2e-oauth.mjs";
import { evidence, failed, launchBrowser, step } from "./e2e-support.mjs";
import { tokensScenario } from "./e2e-tokens.mjs";

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error("usage: node scripts/e2e.mjs <base-url>");
  process.exit(2);
}

const account = { name: "E2E Person", email: `e2e-${Date.now()}@example.com`, password: "e2e password, long enough" };
const browser = await launchBrowser();
try {
  const signedIn = await tokensScenario(browser, baseUrl, account);
  await documentsScenario(signedIn.page, baseUrl);
  await liveScenario(signedIn.page, baseUrl);
  await oauthScenario(browser, baseUrl, account);
  // claude.ai again, now as a client ID metadata document client (MCP 2026) served from loopback.
  const document = await serveClientDocument("Claude (e2e, metadata document)");
  try {
    await oauthScenario(browser, baseUrl, account, { clientName: "Claude (e2e, metadata document)", documentUrl: document.url });
  } finally {
    document.close();
  }
} catch (error) {
  step("scenario ran to the end", false, error?.stack ?? String(error));
  await evidence(browser);
} finally {
  await browser.close();
}
console.log(failed() ? "e2e FAILED" : "e2e passed");
process.exit(failed() ? 1 : 0);
