import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { type DocumentChange, DocxDocument } from "../../../src/docx/index";
import { element } from "../../../src/docx/xml/index";
import { buildDocx, p } from "../support/build-docx";

const bytes = buildDocx({
  body: p("Alpha") + p("Beta"),
  headers: { default: p("Header text") },
  comments: [{ author: "Ann", body: p("First comment") }],
});
const entries = (doc: DocxDocument) => unzipSync(doc.save());
const roundTrip = (change: DocumentChange | null): DocumentChange => JSON.parse(JSON.stringify(change));
const headerText = (doc: DocxDocument) => (doc.query("/header[0]/paragraph[0]", { format: "json" }).items as { text: string }[])[0].text;

describe("package parts as edits see them", () => {
  it("journals a styles.xml edit as a small splice of that part, and replays and reverts it", () => {
    const doc = DocxDocument.open(bytes);
    const styles = doc.model.relatedPartName("styles")!;
    const root = doc.model.parts.xml(styles).doc.root;
    root.children.push(
      element(
        "w:style",
        [
          { name: "w:type", value: "paragraph" },
          { name: "w:styleId", value: "Quote" },
        ],
        [element("w:name", [{ name: "w:val", value: "Quote" }])],
      ),
    );
    doc.model.parts.changed(styles);
    expect(doc.model.styles.get("Quote")?.name).toBe("Quote"); // the style sheet is read again

    const change = roundTrip(doc.takeChange());
    expect(change.stories).toEqual([]);
    expect(change.parts).toHaveLength(1);
    const [part] = change.parts!;
    expect(part).toMatchObject({ part: "word/styles.xml", kind: "text" });
    expect(part.kind === "text" && part.removed).toBe("");
    expect(part.kind === "text" && part.inserted).toContain('w:styleId="Quote"');

    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(replica.model.styles.get("Quote")).toBeDefined();
    expect(strFromU8(entries(replica)["word/styles.xml"])).toBe(strFromU8(entries(doc)["word/styles.xml"]));
    replica.revertChange(change);
    expect(replica.model.styles.get("Quote")).toBeUndefined();
  });

  it("creates a binary part with its relationship and content type, and undoes all three", () => {
    const doc = DocxDocument.open(bytes);
    const image = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    doc.model.parts.write("word/media/image1.png", image);
    doc.model.ensureDefaultContentType("png", "image/png");
    const rId = doc.model.addRelationship(doc.mainPart, "image", "media/image1.png");
    expect(rId).toMatch(/^rId\d+$/);
    const change = roundTrip(doc.takeChange());
    expect(change.parts!.map((c) => c.part).sort()).toEqual([
      "[Content_Types].xml",
      "word/_rels/document.xml.rels",
      "word/media/image1.png",
    ]);

    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    const saved = entries(replica);
    expect([...saved["word/media/image1.png"]]).toEqual([...image]);
    expect(strFromU8(saved["[Content_Types].xml"])).toContain('Extension="png"');
    expect(strFromU8(saved["word/_rels/document.xml.rels"])).toContain(`Id="${rId}"`);

    replica.revertChange(change);
    const reverted = entries(replica);
    expect(reverted["word/media/image1.png"]).toBeUndefined();
    expect(strFromU8(reverted["[Content_Types].xml"])).not.toContain('Extension="png"');
  });

  it("journals a header paragraph edit as a change of the header part", () => {
    const doc = DocxDocument.open(bytes);
    doc.replaceParagraphText("/header[0]/paragraph[0]", "New header");
    const change = roundTrip(doc.takeChange());
    expect(change.parts?.map((c) => c.part)).toEqual(["word/header-default.xml"]);
    const replica = DocxDocument.open(bytes);
    replica.applyChange(change);
    expect(headerText(replica)).toBe("New header");
    expect(headerText(DocxDocument.open(replica.save()))).toBe("New header");
    replica.revertChange(change);
    expect(headerText(replica)).toBe("Header text");
  });

  it("sees a comment added to comments.xml as a new comment story, and loses it on revert", () => {
    const doc = DocxDocument.open(bytes);
    const name = doc.model.relatedPartName("comments")!;
    const root = doc.model.parts.xml(name).doc.root;
    root.children.push(
      element(
        "w:comment",
        [
          { name: "w:id", value: "7" },
          { name: "w:author", value: "Bo" },
        ],
        [element("w:p", [], [element("w:r", [], [element("w:t", [], [{ type: "text", text: "Second" }])])])],
      ),
    );
    doc.model.parts.changed(name);
    expect(doc.count("/comment[*]")).toBe(2);
    const change = doc.takeChange()!;
    doc.revertChange(change);
    expect(doc.count("/comment[*]")).toBe(1);
    doc.applyChange(change);
    expect(doc.count("/comment[*]")).toBe(2);
    expect(DocxDocument.open(doc.save()).count("/comment[author='Bo']")).toBe(1);
  });

  it("refuses to apply a part change to a document whose part differs", () => {
    const doc = DocxDocument.open(bytes);
    doc.replaceParagraphText("/header[0]/paragraph[0]", "New header");
    const change = roundTrip(doc.takeChange());
    const other = DocxDocument.open(bytes);
    other.replaceParagraphText("/header[0]/paragraph[0]", "Something else");
    other.takeChange();
    expect(() => other.applyChange(change)).toThrowError(/does not match/);
  });
});
