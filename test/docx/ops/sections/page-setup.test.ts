import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p, W_NS } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";

/** Two sections: the first ends at a paragraph holding its w:sectPr (A4), the second is the body's own (Letter). */
const TWO_SECTIONS =
  p("One") +
  '<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:pPr></w:p>' +
  p("Two");
const open = (extra: Parameters<typeof buildDocx>[0] = { body: TWO_SECTIONS }) => DocxDocument.open(buildDocx(extra));
const documentXml = (doc: DocxDocument) => strFromU8(unzipSync(doc.save())["word/document.xml"]);

describe("setPageSetup", () => {
  it("turns one section landscape by swapping width and height", () => {
    const doc = open();
    const [setup] = doc.setPageSetup(1, { orientation: "landscape" });
    expect(setup).toMatchObject({ section: 1, width_twips: 15840, height_twips: 12240, orientation: "landscape" });
    expect(doc.sectionLayouts()[0]).toMatchObject({ width_twips: 11906, orientation: "portrait" });
    expect(documentXml(doc)).toContain('<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>');
  });

  it("turns a landscape page back to portrait and drops w:orient", () => {
    const doc = open();
    doc.setPageSetup(0, { orientation: "landscape" });
    const [setup] = doc.setPageSetup(0, { orientation: "portrait" });
    expect(setup).toMatchObject({ width_twips: 11906, height_twips: 16838, orientation: "portrait" });
    expect(documentXml(doc)).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it("sets a named paper size and margins in cm, in, mm and pt on every section", () => {
    const doc = open();
    const setups = doc.setPageSetup(undefined, {
      size: "A4",
      margins: { top: "2.5cm", left: "1in", right: "20mm", bottom: "36pt", gutter: 0 },
    });
    expect(setups.map((s) => s.section)).toEqual([0, 1]);
    for (const s of setups) {
      expect(s).toMatchObject({ width_twips: 11906, height_twips: 16838, width_cm: 21, height_cm: 29.7 });
      expect(s.margins_twips).toMatchObject({ top: 1417, left: 1440, right: 1134, bottom: 720, gutter: 0 });
    }
    // The body's sectPr had no w:pgMar: it gets one with every attribute, placed after w:pgSz.
    expect(documentXml(doc)).toMatch(
      /<w:pgSz w:w="11906" w:h="16838"\/><w:pgMar w:top="1417" w:right="1134" w:bottom="720" w:left="1440" w:header="720" w:footer="720" w:gutter="0"\/><\/w:sectPr><\/w:body>/,
    );
  });

  it("keeps a landscape section landscape when its paper size changes", () => {
    const doc = open();
    doc.setPageSetup(1, { orientation: "landscape" });
    expect(doc.setPageSetup(1, { size: "A4" })[0]).toMatchObject({ width_twips: 16838, height_twips: 11906, orientation: "landscape" });
  });

  it("refuses bad values and unknown sections and changes nothing", () => {
    const doc = open();
    expect(docxFailure(() => doc.setPageSetup(0, { margins: { top: "2 furlongs" } }))).toMatchObject({
      kind: "invalid_argument",
      field: "margins.top",
    });
    expect(docxFailure(() => doc.setPageSetup(0, { size: "B17" })).message).toContain("A4");
    expect(docxFailure(() => doc.setPageSetup(2, { orientation: "landscape" })).message).toBe(
      "Section 2 does not exist: the document has 2 sections (0-1).",
    );
    expect(docxFailure(() => doc.setPageSetup(0, {}))).toMatchObject({ field: "size" });
    expect(docxFailure(() => doc.setPageSetup(0, { width: "40in" })).message).toContain("at most 31680 twips");
    expect(doc.takeChange()).toBeNull();
  });

  it("is journaled: the change replays on a copy and reverts", () => {
    const doc = open();
    doc.setPageSetup(0, { orientation: "landscape", margins: { top: "1cm" } });
    const change = JSON.parse(JSON.stringify(doc.takeChange()));
    const replica = open();
    replica.applyChange(change);
    expect(replica.sectionLayouts()[0]).toMatchObject({ orientation: "landscape", width_twips: 16838 });
    replica.revertChange(change);
    expect(replica.sectionLayouts()[0]).toMatchObject({ orientation: "portrait", width_twips: 11906, margins_twips: { top: 1440 } });
  });

  it("keeps the old properties in w:sectPrChange when the document tracks changes", () => {
    const settings = `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="${W_NS}"><w:trackRevisions/></w:settings>`;
    const doc = open({
      body: TWO_SECTIONS,
      relationships: { rIdSettings: ["settings", "settings.xml"] },
      extraParts: { "word/settings.xml": settings },
    });
    doc.setEditor("Reviewer");
    doc.setPageSetup(0, { orientation: "landscape" });
    doc.setPageSetup(0, { margins: { top: "1cm" } });
    const xml = documentXml(doc);
    const change = /<w:sectPrChange [^>]*>(.*?)<\/w:sectPrChange>/.exec(xml)!;
    expect(change[0]).toContain('w:author="Reviewer"');
    // Only the properties before the first tracked change are kept.
    expect(change[1]).toBe(
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>',
    );
    expect(xml.match(/<w:sectPrChange /g)).toHaveLength(1);
  });
});
