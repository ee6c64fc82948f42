import { describe, expect, it } from "vitest";
import { createBlankDocx, DocxDocument, DocxError } from "../../src/docx/index.js";
import { buildDocx, p } from "./support/build-docx.js";

// The engine must behave the same inside workerd as in Node: no Node built-ins, no platform imports.
describe("docx engine inside workerd", () => {
  it("opens, queries, edits and saves a document", () => {
    const doc = DocxDocument.open(
      buildDocx({ body: p("Title", "Heading1") + p("Some budget text") + p("Other"), headers: { default: p("Head") } }),
    );
    expect(doc.query("/body/heading[level=1]", { format: "text" }).text).toBe("Title");
    expect(doc.query("/body/paragraph[text~='BUDGET']").items![0]).toMatchObject({ path: "/body/paragraph[1]" });
    expect(doc.query("/header[type=default]", { format: "text" }).text).toBe("Head");
    const { id } = doc.replaceParagraphText("/body/paragraph[2]", "Edited in workerd");
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.query(`/body/paragraph[id='${id}']`, { format: "text" }).text).toBe("Edited in workerd");
  });

  it("opens the blank document", () => {
    const doc = DocxDocument.open(createBlankDocx());
    expect(doc.count("/body/paragraph")).toBe(1);
    expect(doc.query("/styles/style[name='heading 2']").items![0]).toMatchObject({ style_id: "Heading2", heading_level: 2 });
  });

  it("raises tagged errors", () => {
    try {
      DocxDocument.open(new TextEncoder().encode("not a zip"));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DocxError);
      expect((e as DocxError).failure.kind).toBe("not_a_zip");
    }
  });
});
