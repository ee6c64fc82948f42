import { describe, expect, it } from "vitest";
import { LIBREOFFICE_TIMEOUT_MS, openDocumentContent, sofficeAvailable } from "../../support/libreoffice.js";
import { p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";
import { expectValidPackage } from "../support/valid-package.js";
import { first, open, savedBody, trackedSpec } from "./style-fixtures.js";

const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t>${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
/** The w:rPr of every run in the saved body, in order. */
const runProperties = (xml: string) => [...xml.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t>/g)].map((m) => m[1] ?? null);

describe("set_language: the language of text (w:lang)", () => {
  it("sets the Latin slot on every run the path selects, in schema order, keeping the other slots and properties", () => {
    const doc = open({
      body:
        para(
          run("Bonjour", '<w:b/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'),
          run(" tout le monde", '<w:vertAlign w:val="superscript"/>'),
        ) + p("Untouched"),
    });
    const { operations } = doc.edit([{ op: "set_language", path: "/body/paragraph[0]", language: "fr-FR" }]);
    expect(operations[0]).toMatchObject({ op: "set_language", styled: 2, changedCount: 2, tracked: false });
    const xml = savedBody(doc);
    expect(runProperties(xml)).toEqual([
      '<w:rPr><w:b/><w:lang w:val="fr-FR" w:eastAsia="zh-CN"/></w:rPr>',
      '<w:rPr><w:vertAlign w:val="superscript"/><w:lang w:val="fr-FR"/></w:rPr>',
    ]);
    expect(xml.slice(xml.lastIndexOf("<w:p>", xml.indexOf("Untouched")))).not.toContain("w:lang");
    expectValidPackage(doc);
  });

  it("puts East Asian and complex-script languages in their own slots, and counts runs that already had it as unchanged", () => {
    const doc = open({ body: para(run("مرحبا", '<w:rtl/><w:lang w:bidi="ar-SA"/>'), run("x")) });
    const { operations } = doc.edit([{ op: "set_language", language: "ar-EG", script: "complex" }]);
    expect(operations[0]).toMatchObject({ styled: 2, changedCount: 2 });
    doc.edit([{ op: "set_language", language: "ja-JP", script: "east_asian" }]);
    expect(runProperties(savedBody(doc))).toEqual([
      '<w:rPr><w:rtl/><w:lang w:bidi="ar-EG" w:eastAsia="ja-JP"/></w:rPr>',
      '<w:rPr><w:lang w:bidi="ar-EG" w:eastAsia="ja-JP"/></w:rPr>',
    ]);
    const again = doc.edit([{ op: "set_language", language: "ja-JP", script: "east_asian" }]);
    expect(again.operations[0]).toMatchObject({ styled: 2, changedCount: 0 });
    expectValidPackage(doc);
  });

  it("records the old run properties in w:rPrChange when the document tracks changes", () => {
    const doc = open(trackedSpec({ body: para(run("Hello", "<w:i/>")) }));
    const { operations } = doc.edit([{ op: "set_language", language: "en-GB" }]);
    expect(operations[0]).toMatchObject({ tracked: true, changedCount: 1 });
    const rPr = first(savedBody(doc), "rPr")!;
    expect(rPr).toMatch(/^<w:rPr><w:i\/><w:lang w:val="en-GB"\/><w:rPrChange [^>]*><w:rPr><w:i\/><\/w:rPr><\/w:rPrChange><\/w:rPr>$/);
    expectValidPackage(doc);
  });

  it("refuses a malformed tag, an unknown script or field, naming it, and the patch changes nothing", () => {
    const doc = open({ body: para(run("Hello")) });
    const before = savedBody(doc);
    const replace = { op: "replace_text", find: "Hello", replace: "Hi" };
    expect(docxFailure(() => doc.edit([replace, { op: "set_language", language: "French!" }]))).toMatchObject({
      kind: "invalid_argument",
      field: "operations[1].language",
      message: expect.stringContaining('"en-US"'),
    });
    expect(docxFailure(() => doc.edit([replace, { op: "set_language", language: "fr", script: "greek" }]))).toMatchObject({
      field: "operations[1].script",
      message: expect.stringContaining("latin, east_asian, complex"),
    });
    expect(docxFailure(() => doc.edit([{ op: "set_language", language: "fr", lang: "fr" }]))).toMatchObject({
      field: "operations[0].lang",
      message: expect.stringContaining("its fields are path, language, script"),
    });
    expect(docxFailure(() => doc.edit([replace, { op: "set_language", path: "/body/paragraph[5]", language: "fr" }]))).toMatchObject({
      kind: "patch_failed",
      index: 1,
    });
    expect(savedBody(doc)).toBe(before);
  });

  it.runIf(sofficeAvailable())(
    "is the language LibreOffice reads for the text",
    () => {
      const doc = open({ body: para(run("Guten Tag")) });
      doc.edit([{ op: "set_language", language: "de-AT" }]);
      const [content] = openDocumentContent([{ bytes: expectValidPackage(doc), name: "language.docx" }]);
      expect(content).toMatch(/fo:language="de" fo:country="AT"/);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
