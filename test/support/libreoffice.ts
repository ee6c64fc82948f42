/**
 * LibreOffice as an outside judge: a .docx we wrote must open and lay out in another word processor.
 *
 * Tests that use it are declared with `it.runIf(sofficeAvailable())(...)`: they run wherever LibreOffice is
 * installed (CI installs it, see .ci/run) and are not collected elsewhere, so `npm test` still passes on a machine
 * without it. This is a condition on the environment, not a skipped test.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";

/** A conversion can take a few seconds on a cold profile; allow for a loaded CI machine. */
export const LIBREOFFICE_TIMEOUT_MS = 120_000;

let available: boolean | undefined;

/** Whether `soffice` is on PATH (checked once per process). */
export function sofficeAvailable(): boolean {
  available ??= spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0;
  return available;
}

export interface LibreOfficeResult {
  /** Size of the PDF LibreOffice produced. */
  pdfBytes: number;
  /** The PDF's text (`pdftotext -layout`), or null when poppler-utils is not installed. */
  text: string | null;
}

/**
 * Converts the document to PDF with a private LibreOffice profile and fails the test unless a non-empty PDF comes
 * out (soffice exits 0 even when it cannot load the file). Returns the PDF's text for further checks.
 */
export function expectOpensInLibreOffice(bytes: Uint8Array, name = "document.docx"): LibreOfficeResult {
  return expectAllOpenInLibreOffice([{ bytes, name }])[0];
}

/**
 * The same for many documents in one LibreOffice process (starting one costs most of a conversion's time).
 * Names must be distinct; each gets ".docx" if it lacks it.
 */
export function expectAllOpenInLibreOffice(documents: { bytes: Uint8Array; name: string }[]): LibreOfficeResult[] {
  return convertWithLibreOffice(documents, "pdf", (file, out) => {
    const pdfBytes = existsSync(out) ? statSync(out).size : 0;
    expect(pdfBytes, `LibreOffice could not convert ${file}`).toBeGreaterThan(0);
    return { pdfBytes, text: pdfText(out) };
  });
}

/**
 * How LibreOffice understood each document: converted to OpenDocument, the text of its content.xml (tracked changes
 * show as text:changed-region, comments as office:annotation). Fails the test when a document does not convert.
 */
export function openDocumentContent(documents: { bytes: Uint8Array; name: string }[]): string[] {
  return convertWithLibreOffice(documents, "odt", (file, out) => {
    expect(existsSync(out), `LibreOffice could not convert ${file} to odt`).toBe(true);
    return strFromU8(unzipSync(readFileSync(out))["content.xml"]);
  });
}

/**
 * Converts documents with one soffice process (`to`: "pdf", "odt", "txt:Text (encoded):UTF8", ...) and reads each
 * output with `read(file, outputPath)`; soffice exits 0 even when a file did not convert, so `read` checks the output.
 */
export function convertWithLibreOffice<T>(
  documents: { bytes: Uint8Array; name: string }[],
  to: string,
  read: (file: string, out: string) => T,
): T[] {
  const dir = mkdtempSync(join(tmpdir(), "docx-edge-lo-"));
  try {
    const files = documents.map(({ bytes, name }) => {
      const file = name.endsWith(".docx") ? name : `${name}.docx`;
      writeFileSync(join(dir, file), bytes);
      return file;
    });
    // Each run gets its own profile: two soffice processes on one profile hand jobs to each other or fail.
    // The Word 2007 import filter is forced: otherwise LibreOffice opens any unreadable file as plain text.
    const profile = `file://${join(dir, "profile")}`;
    const run = spawnSync(
      "soffice",
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=${profile}`,
        "--infilter=MS Word 2007 XML",
        "--convert-to",
        to,
        "--outdir",
        join(dir, "out"),
        ...files.map((f) => join(dir, f)),
      ],
      { encoding: "utf8", timeout: LIBREOFFICE_TIMEOUT_MS + 10_000 * files.length },
    );
    if (run.error) throw new Error(`soffice failed: ${run.error.message} ${run.stderr ?? ""}`);
    const extension = to.split(":")[0];
    return files.map((file) => read(file, join(dir, "out", file.replace(/\.docx$/, `.${extension}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pdfText(pdf: string): string | null {
  try {
    return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", timeout: 30_000 });
  } catch {
    return null;
  }
}
