// End-to-end: the documents page (download, upload, delete) and one session's history, in a signed-in browser.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, screenshots, step } from "./e2e-support.mjs";

export async function documentsScenario(page, baseUrl) {
  await page.goto(baseUrl + "/dashboard/documents");
  step("the library lists the file the agent saved", (await page.content()).includes("e2e/report.docx"));
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "e2e/report.docx" }).click();
  const saved = join(ARTIFACTS, "report.docx");
  await (await download).saveAs(saved);
  step("download returns a .docx package", (await readFile(saved)).subarray(0, 2).toString() === "PK");

  await page.setInputFiles("#file", saved);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL("**/dashboard/documents");
  step("upload adds report.docx to the library", (await page.getByRole("link", { name: "report.docx", exact: true }).count()) === 1);
  step(
    "the open session shows its position",
    (await page.locator("td[data-label=Position]").first().textContent())?.trim().startsWith("0"),
  );
  await screenshots(page, "documents");

  await page.getByRole("button", { name: "Delete report.docx", exact: true }).click();
  await page.waitForURL("**/dashboard/documents");
  step("delete removes it", (await page.getByRole("link", { name: "report.docx", exact: true }).count()) === 0);

  await page.getByRole("link", { name: "E2E draft" }).click();
  await page.waitForURL("**/dashboard/sessions/**");
  step("the session page shows its history", (await page.content()).includes("The document as the session began"));
  await screenshots(page, "session");
}
