import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p } from "../../support/build-docx.js";
import { docxFailure } from "../../support/docx-failure.js";

/** As LibreOffice writes sections: every w:sectPr with all margins; the second section starts mid-page (continuous). */
const LO_SECTIONS =
  p("One") +
  '<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1134" w:right="1134" w:gutter="0" w:header="0" w:top="1134" w:footer="0" w:bottom="1134"/><w:pgNumType w:fmt="decimal"/><w:formProt w:val="false"/><w:textDirection w:val="lrTb"/></w:sectPr></w:pPr></w:p>' +
  p("Two");
const LO_CONTINUOUS_SECTION =
  p("Two and a half") +
  '<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:left="1134" w:right="1134" w:gutter="0" w:header="0" w:top="1134" w:footer="0" w:bottom="1134"/><w:pgNumType w:fmt="decimal"/><w:formProt w:val="false"/><w:textDirection w:val="lrTb"/></w:sectPr></w:pPr></w:p>' +
  p("Three");
const open = () => DocxDocument.open(buildDocx({ body: LO_SECTIONS + LO_CONTINUOUS_SECTION }));

describe("setPageSetup refuses a page with no room for text", () => {
  it("refuses a 5 x 3 cm page whose margins exceed its height, giving the numbers, and changes nothing", () => {
    const doc = open();
    const before = doc.save();
    const f = docxFailure(() => doc.setPageSetup(0, { width: "5cm", height: "3cm", margins: { top: "2cm", bottom: "2cm" } }));
    expect(f).toMatchObject({ kind: "invalid_argument", field: "margins" });
    expect(f.message).toContain("Section 0: the page is 3 cm high but its top and bottom margins take 2 cm + 2 cm, leaving -1 cm for text");
    expect(doc.save()).toEqual(before);
    expect(doc.takeChange()).toBeNull();
  });

  it("checks the margins a section already has against a new, smaller page", () => {
    const doc = open();
    // LibreOffice's 2 cm side margins (1134 twips each) do not fit a 4 cm wide page.
    const f = docxFailure(() => doc.setPageSetup(1, { width: "4cm", height: "10cm" }));
    expect(f.message).toContain("Section 1: the page is 4 cm wide but its left and right margins take 4 cm, leaving 0 cm for text");
  });

  it("refuses a page below the minimum size, and header and footer distances taller than the page", () => {
    const doc = open();
    expect(docxFailure(() => doc.setPageSetup(0, { width: "5mm" })).message).toContain(
      "the page would be 0.5 cm (283 twips) wide; the least is 1 cm",
    );
    expect(
      docxFailure(() => doc.setPageSetup(0, { height: "6cm", margins: { top: "1cm", bottom: "1cm", header: "3cm", footer: "3cm" } }))
        .message,
    ).toContain("the header and footer distances take 3 cm + 3 cm, leaving 0 cm");
  });

  it("changes no section when one of several cannot take the change", () => {
    const doc = DocxDocument.open(
      buildDocx({ body: LO_SECTIONS + LO_CONTINUOUS_SECTION.replace('w:left="1134" w:right="1134"', 'w:left="3000" w:right="3000"') }),
    );
    const before = doc.save();
    expect(docxFailure(() => doc.setPageSetup(undefined, { width: "10cm" })).message).toContain("Section 1");
    expect(doc.save()).toEqual(before);
  });

  it("accepts a small page that leaves room, such as a business card", () => {
    const doc = open();
    const [setup] = doc.setPageSetup(0, {
      width: "8.5cm",
      height: "5.5cm",
      margins: { top: "0.5cm", bottom: "0.5cm", left: "0.5cm", right: "0.5cm", header: "0.3cm", footer: "0.3cm" },
    });
    expect(setup).toMatchObject({ width_cm: 8.5, height_cm: 5.5 });
  });
});

describe("setHeaderFooter on a continuous section", () => {
  it("says the section starts mid-page instead of reporting the header as shown there", () => {
    const doc = open();
    const result = doc.setHeaderFooter({ kind: "header", type: "default", section: 1, lines: ["Part two"] });
    // Section 2 inherits the header and starts on a new page, so it shows there.
    expect(result.shownInSections).toEqual([2]);
    expect(result.continuousSections).toEqual([1]);
    expect(result.note).toContain("starts on the same page as the section before (continuous break)");
    const first = doc.setHeaderFooter({ kind: "header", type: "default", section: 0, lines: ["Part one"] });
    expect(first.shownInSections).toEqual([0]);
    expect(first.note).toBeUndefined();
  });
});
