import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../../src/docx/index.js";
import { buildDocx, p, W_NS } from "../../support/build-docx.js";
import { partXml } from "./support.js";

/** A document with word/settings.xml holding `inner`. */
function withSettings(inner: string): Uint8Array {
  const settings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="${W_NS}">${inner}</w:settings>`;
  return buildDocx({
    body: p("Text"),
    relationships: { rIdSettings: ["settings", "settings.xml"] },
    extraParts: { "word/settings.xml": settings },
  });
}

describe("track changes setting", () => {
  it("turns tracking on in its schema place among the settings, and off again", () => {
    const doc = DocxDocument.open(withSettings('<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'));
    expect(doc.tracksChanges).toBe(false);
    expect(doc.setTrackChanges(true)).toEqual({ was: false });
    expect(doc.tracksChanges).toBe(true);
    expect(partXml(doc, "word/settings.xml")).toContain('<w:zoom w:percent="100"/><w:trackRevisions/><w:defaultTabStop w:val="720"/>');
    expect(doc.setTrackChanges(false)).toEqual({ was: true });
    expect(partXml(doc, "word/settings.xml")).not.toContain("trackRevisions");
  });

  it("replaces a flag that says off, and changes nothing when already as asked", () => {
    const doc = DocxDocument.open(withSettings('<w:trackRevisions w:val="false"/>'));
    expect(doc.tracksChanges).toBe(false);
    doc.setTrackChanges(false);
    expect(doc.takeChange()).toBeNull();
    doc.setTrackChanges(true);
    expect(partXml(doc, "word/settings.xml")).toContain("<w:trackRevisions/>");
    expect(partXml(doc, "word/settings.xml")).not.toContain('w:val="false"');
  });

  it("adds a settings part, its relationship and content type to a document that has none", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Text") }));
    doc.setTrackChanges(true);
    expect(partXml(doc, "word/settings.xml")).toContain("<w:trackRevisions/>");
    expect(partXml(doc, "word/_rels/document.xml.rels")).toMatch(/relationships\/settings" Target="settings.xml"/);
    expect(partXml(doc, "[Content_Types].xml")).toContain(
      'PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"',
    );
    const reopened = DocxDocument.open(doc.save());
    expect(reopened.tracksChanges).toBe(true);
  });

  it("is undone with the change journal", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Text") }));
    doc.setTrackChanges(true);
    doc.revertChange(doc.takeChange()!);
    expect(doc.tracksChanges).toBe(false);
    expect(partXml(doc, "word/settings.xml")).toBeUndefined();
  });
});
