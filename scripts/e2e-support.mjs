// Shared pieces of the browser end-to-end test: Debian's Chromium through playwright-core, step logging,
// and screenshots at phone and laptop widths saved under test-artifacts/e2e/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const ARTIFACTS = join(process.cwd(), "test-artifacts", "e2e");
export const WIDTHS = { phone: 390, laptop: 1280 };

let failures = 0;

/** Records a check; a failed check marks the run failed but the run continues to collect evidence. */
export function step(name, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  if (!ok) failures += 1;
  return ok;
}

export const failed = () => failures > 0;

/** Chromium from apt (never a browser download), headless, with a throwaway profile. */
export async function launchBrowser() {
  mkdirSync(ARTIFACTS, { recursive: true });
  // playwright gives every plain launch a fresh temporary profile (it refuses an explicit --user-data-dir).
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context: its own cookies, nothing shared with other contexts. */
export async function newContext(browser, width = WIDTHS.laptop) {
  return browser.newContext({ viewport: { width, height: 860 }, deviceScaleFactor: 1 });
}

/** Screenshots the page's current URL at both widths; `mask` hides secrets shown on screen. */
export async function screenshots(page, name, mask = []) {
  const original = page.viewportSize();
  for (const [label, width] of Object.entries(WIDTHS)) {
    await page.setViewportSize({ width, height: 860 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true, mask: mask.map((s) => page.locator(s)) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    step(`${name} fits ${width} px without sideways scrolling`, overflow <= 0, overflow > 0 ? `${overflow} px too wide` : "");
  }
  await page.setViewportSize(original);
}

/** After a failure: where every open page was, what it said, and a screenshot of it. */
export async function evidence(browser) {
  let n = 0;
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      n += 1;
      const alert = await page
        .locator("[role=alert]")
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null);
      console.log(`page ${n}: ${page.url()}${alert ? ` (alert: ${alert.trim()})` : ""}`);
      await page.screenshot({ path: join(ARTIFACTS, `failure-${n}.png`), fullPage: true }).catch(() => {});
    }
  }
}
