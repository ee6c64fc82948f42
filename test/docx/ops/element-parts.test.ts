import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { libreOfficeText } from "../../support/libreoffice-text.js";
import { buildDocx, p } from "../support/build-docx.js";
import { docxFailure } from "../support/docx-failure.js";

const part = (bytes: Uint8Array, name: string) => {
  const entry = unzipSync(bytes)[name];
  return entry ? strFromU8(entry) : undefined;
};
// A 2x1 PNG (IHDR says width 2, height 1).
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII=";

describe("lists with real numbering", () => {
  it("creates numbering.xml for a numbered list that Word and LibreOffice number 1, 2, 3", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Steps:") }));
    const r = doc.applyPatch([
      {
        op: "add",
        path: "/body/children/1",
        value: { type: "list", ordered: true, items: ["Mix", "Bake", { text: "Check", items: ["Nested"] }] },
      },
    ]);
    expect(r.operations[0].createdIds).toHaveLength(4);
    const saved = doc.save();
    const numbering = part(saved, "word/numbering.xml")!;
    expect(numbering).toMatch(
      /<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"\/><w:lvl w:ilvl="0"><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1."\/>/,
    );
    expect(numbering).toMatch(/<\/w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"\/><\/w:num><\/w:numbering>$/);
    expect(part(saved, "word/_rels/document.xml.rels")).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"',
    );
    expect(part(saved, "[Content_Types].xml")).toContain(
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>',
    );
    const body = part(saved, "word/document.xml")!;
    expect(body.match(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>/g)).toHaveLength(3);
    expect(body).toContain('<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>');
    const text = libreOfficeText(saved, "numbered");
    if (text !== null) {
      expect(text).toMatch(/1\.\s*Mix/);
      expect(text).toMatch(/2\.\s*Bake/);
      expect(text).toMatch(/3\.\s*Check/);
    }
  }, 180_000);

  it("adds a new abstract numbering after existing ones, so a second list restarts at 1", () => {
    const existing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num></w:numbering>`;
    const input = buildDocx({
      body: p("x"),
      relationships: { rIdNum: ["numbering", "numbering.xml"] },
      extraParts: { "word/numbering.xml": existing },
    });
    const doc = DocxDocument.open(input);
    doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "list", items: ["a"] } }]);
    const numbering = part(doc.save(), "word/numbering.xml")!;
    expect(numbering).toMatch(
      /<w:abstractNum w:abstractNumId="4">.*<\/w:abstractNum><w:abstractNum w:abstractNumId="5">.*<w:num w:numId="7">.*<w:num w:numId="8"><w:abstractNumId w:val="5"\/><\/w:num><\/w:numbering>$/,
    );
    expect(numbering).toContain('<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>');
  });

  it("a failed patch takes the new numbering part away again", () => {
    const input = buildDocx({ body: p("x") });
    const doc = DocxDocument.open(input);
    expect(() =>
      doc.applyPatch([
        { op: "add", path: "/body/children/0", value: { type: "list", items: ["a"] } },
        { op: "remove", path: "/body/paragraph[9]" },
      ]),
    ).toThrow();
    const saved = doc.save();
    expect(part(saved, "word/numbering.xml")).toBeUndefined();
    expect(part(saved, "word/_rels/document.xml.rels")).toBe(part(input, "word/_rels/document.xml.rels"));
    expect(part(saved, "[Content_Types].xml")).toBe(part(input, "[Content_Types].xml"));
  });
});

describe("headings, hyperlinks, images and footnotes", () => {
  it("creates the HeadingN style when the document has none", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("x") }));
    doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "heading", level: 5, text: "Deep" } }]);
    const styles = part(doc.save(), "word/styles.xml")!;
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="heading 5"/><w:basedOn w:val="Normal"/>');
    expect(doc.query("/body/heading[level=5]").items![0]).toMatchObject({ text: "Deep" });
    expect(DocxDocument.open(doc.save()).count("/body/heading[level=5]")).toBe(1);
  });

  it("adds an external hyperlink through a relationship and an internal one by anchor", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("x") }));
    doc.applyPatch([
      { op: "add", path: "/body/children/0", value: { type: "hyperlink", text: "Site", url: "https://example.com/a?b=1&c=2" } },
      { op: "add", path: "/body/children/1", value: { type: "hyperlink", text: "Back", anchor: "top" } },
    ]);
    const saved = doc.save();
    const rels = part(saved, "word/_rels/document.xml.rels")!;
    const rId = /Id="(rId\d+)" Type="[^"]+\/hyperlink" Target="https:\/\/example.com\/a\?b=1&amp;c=2" TargetMode="External"/.exec(rels)![1];
    const body = part(saved, "word/document.xml")!;
    expect(body).toContain(
      `<w:hyperlink r:id="${rId}" w:history="1"><w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">Site</w:t></w:r></w:hyperlink>`,
    );
    expect(body).toContain('<w:hyperlink w:anchor="top" w:history="1">');
    expect(
      docxFailure(() => doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "hyperlink", url: "example.com" } }])),
    ).toMatchObject({ cause: { field: "value.url" } });
  });

  it("adds an image from base64 as a media part, relationship, Default content type and wp:inline", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("x") }));
    doc.applyPatch([{ op: "add", path: "/body/children/1", value: { type: "image", data: PNG, width: 4, unit: "cm", alt: "Tiny" } }]);
    const saved = doc.save();
    expect(unzipSync(saved)["word/media/image1.png"]).toEqual(Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0)));
    expect(part(saved, "[Content_Types].xml")).toContain('<Default Extension="png" ContentType="image/png"/>');
    const rId = /Id="(rId\d+)" Type="[^"]+\/image" Target="media\/image1.png"/.exec(part(saved, "word/_rels/document.xml.rels")!)![1];
    const body = part(saved, "word/document.xml")!;
    // 4 cm wide, height from the 2:1 picture: 2 cm.
    expect(body).toContain('<wp:extent cx="1440000" cy="720000"/>');
    expect(body).toContain(`<a:blip r:embed="${rId}"/>`);
    expect(body).toMatch(/<wp:docPr id="\d+" name="Picture \d+" descr="Tiny"\/>/);
    expect(DocxDocument.open(saved).count("/body/paragraph[1]/drawing")).toBe(1);
    expect(
      docxFailure(() => doc.applyPatch([{ op: "add", path: "/body/children/0", value: { type: "image", data: btoa("not an image") } }]))
        .message,
    ).toContain("not a PNG, JPEG or GIF");
  });

  it("adds a footnote, creating footnotes.xml with separator notes, and a reference run in the paragraph", () => {
    const doc = DocxDocument.open(buildDocx({ body: p("Claim") + p("Other") }));
    const r = doc.applyPatch([{ op: "add", path: "/body/paragraph[0]", value: { type: "footnote", text: "Source: survey." } }]);
    expect(r.operations[0]).toMatchObject({ footnoteId: "1", footnotePath: "/footnote[0]" });
    const saved = doc.save();
    const notes = part(saved, "word/footnotes.xml")!;
    expect(notes).toContain('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>');
    expect(notes).toMatch(
      /<w:footnote w:id="1"><w:p[^>]*><w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:footnoteRef\/><\/w:r>.*Source: survey\./,
    );
    expect(part(saved, "word/document.xml")).toContain(
      '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>',
    );
    const reopened = DocxDocument.open(saved);
    expect(reopened.query("/footnote[0]", { format: "text" }).text).toContain("Source: survey.");
  });
});

describe("tracked mode (w:trackRevisions on)", () => {
  const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:trackRevisions/></w:settings>`;
  const tracked = (body: string) =>
    DocxDocument.open(
      buildDocx({ body, relationships: { rIdSettings: ["settings", "settings.xml"] }, extraParts: { "word/settings.xml": SETTINGS } }),
    );
  const TABLE = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("cell")}</w:tc></w:tr></w:tbl>`;

  it("writes added paragraphs and rows as insertions", () => {
    const doc = tracked(p("Keep") + TABLE);
    doc.applyPatch([
      { op: "add", path: "/body/children/1", value: { type: "paragraph", text: "New" } },
      { op: "add", path: "/body/table[0]/row", value: { type: "row", cells: ["r"] } },
    ]);
    const body = part(doc.save(), "word/document.xml")!;
    expect(body).toMatch(
      /<w:pPr><w:rPr><w:ins w:id="\d+" w:author="[^"]+" w:date="[^"]+"\/><\/w:rPr><\/w:pPr><w:ins w:id="\d+" w:author="[^"]+" w:date="[^"]+"><w:r><w:t xml:space="preserve">New<\/w:t><\/w:r><\/w:ins>/,
    );
    expect(body).toMatch(/<w:tr[^>]*><w:trPr><w:ins w:id="\d+"[^>]*\/><\/w:trPr><w:tc>/);
  });

  it("writes removals as deletions that stay in the document, with w:delText", () => {
    const doc = tracked(p("Gone") + p("Stay"));
    const r = doc.applyPatch([{ op: "remove", path: "/body/paragraph[0]" }]);
    expect(r.operations[0].removedId).toBeTruthy();
    const body = part(doc.save(), "word/document.xml")!;
    expect(body).toMatch(
      /<w:pPr><w:rPr><w:del w:id="\d+"[^>]*\/><\/w:rPr><\/w:pPr><w:del w:id="\d+"[^>]*><w:r><w:delText xml:space="preserve">Gone<\/w:delText><\/w:r><\/w:del>/,
    );
    expect(DocxDocument.open(doc.save()).count("/body/paragraph")).toBe(2);
  });

  it("a tracked replace keeps the old element as a deletion and inserts the new one after it", () => {
    const doc = tracked(p("Old"));
    const id = doc.query("/body/paragraph[0]").items![0].id;
    const r = doc.applyPatch([{ op: "replace", path: "/body/paragraph[0]", value: { type: "paragraph", text: "New" } }]);
    expect(r.operations[0]).toMatchObject({ replacedId: id, tracked: true });
    const body = part(doc.save(), "word/document.xml")!;
    expect(body.indexOf('<w:delText xml:space="preserve">Old')).toBeLessThan(body.indexOf(">New<"));
  });
});
