import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index.js";
import { CORPUS } from "../support/corpus";

const open = (file: string) => DocxDocument.open(readFileSync(join(CORPUS, file)));
const reopen = (doc: DocxDocument) => DocxDocument.open(doc.save());

function which(command: string): string | null {
  try {
    return execFileSync("which", [command], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

describe("headers, footers and page setup over python-docx files", () => {
  it("reads odd and even page headers when the document turns them on", () => {
    const [section] = open("python-docx/doc-odd-even-hdrs.docx").sectionLayouts();
    expect(section.headers.default).toMatchObject({ text: "Odd page header.", shown: true });
    expect(section.headers.even).toMatchObject({ text: "Even page header.", shown: true });
  });

  it("reads a first-page header that a later section inherits and shows", () => {
    const [first, second] = open("python-docx/sct-first-page-hdrftr.docx").sectionLayouts();
    expect(first).toMatchObject({ title_page: false, headers: { first: { shown: false } } });
    expect(second).toMatchObject({
      title_page: true,
      headers: { first: { text: "First Page Header (section 2)", inherited_from: 0, shown: true } },
    });
  });

  it("rewrites an existing first-page header and keeps it after saving", () => {
    const doc = open("python-docx/sct-first-page-hdrftr.docx");
    const result = doc.setHeaderFooter({ kind: "header", type: "first", section: 0, lines: ["Cover page"] });
    expect(result).toMatchObject({ part: "word/header2.xml", created: false, shownInSections: [0, 1] });
    const [first, second] = reopen(doc).sectionLayouts();
    expect(first).toMatchObject({ title_page: true, headers: { first: { text: "Cover page", shown: true } } });
    expect(second.headers.first.text).toBe("Cover page");
  });

  it("shows an even header that was present but hidden once it is set", () => {
    const doc = open("python-docx/hdr-header-footer.docx");
    expect(doc.sectionLayouts()[0].headers.even.shown).toBe(false);
    doc.setHeaderFooter({ kind: "header", type: "even", section: 0, lines: ["Even {PAGE}"] });
    expect(reopen(doc).sectionLayouts()[0].headers.even).toMatchObject({ text: "Even 1", shown: true });
  });

  it("turns python-docx's landscape section portrait and its portrait sections landscape", () => {
    const doc = open("python-docx/sct-section-props.docx");
    expect(doc.sectionLayouts().map((s) => s.orientation)).toEqual(["landscape", "portrait", "portrait", "portrait", "portrait"]);
    doc.setPageSetup(0, { orientation: "portrait" });
    doc.setPageSetup(2, { orientation: "landscape", margins: { left: "2cm" } });
    const layouts = reopen(doc).sectionLayouts();
    expect(layouts[0]).toMatchObject({ orientation: "portrait", width_twips: 12240, height_twips: 15840 });
    expect(layouts[2]).toMatchObject({ orientation: "landscape", width_twips: 15840, height_twips: 12240, margins_twips: { left: 1134 } });
  });
});

const soffice = which("soffice");
describe.runIf(soffice && which("pdfinfo") && which("pdftotext"))("LibreOffice lays out the edited documents", () => {
  it("prints a new header on a landscape second section", () => {
    const doc = open("python-docx/doc-access-sections.docx");
    doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Edge header {PAGE}"], alignment: "center" });
    doc.setPageSetup(1, { orientation: "landscape" });
    const dir = mkdtempSync(join(tmpdir(), "lo-sections-"));
    try {
      writeFileSync(join(dir, "edited.docx"), doc.save());
      execFileSync(
        soffice!,
        ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, join(dir, "edited.docx")],
        { timeout: 120_000 },
      );
      const pdf = join(dir, "edited.pdf");
      expect(existsSync(pdf)).toBe(true);
      const info = execFileSync("pdfinfo", ["-f", "1", "-l", "20", pdf], { encoding: "utf8" });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
      expect(sizes).toContain(true); // a landscape page
      expect(sizes).toContain(false); // and portrait ones
      expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })).toContain("Edge header 1");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
