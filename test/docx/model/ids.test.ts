import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { hashId, IdRegistry, WordDocument } from "../../../src/docx/model/index.js";
import { element } from "../../../src/docx/xml/index.js";
import { buildDocx, p } from "../support/build-docx.js";

const ids = (doc: DocxDocument, path: string) => (doc.query(path).items ?? []).map((i) => i.id as string);
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"]);

describe("element ids", () => {
  const bytes = buildDocx({
    body:
      p("Alpha") +
      `<w:p w14:paraId="0ABCDEF1"><w:r><w:t>Stored</w:t></w:r></w:p>` +
      p("Alpha") +
      `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
  });

  it("are the same across calls and across separate opens of the same bytes", () => {
    const first = DocxDocument.open(bytes);
    const second = DocxDocument.open(bytes);
    for (const path of ["/body/paragraph", "/body/table[0]/row[0]/cell[0]/paragraph[0]/run", "/body/table"]) {
      expect(ids(first, path)).toEqual(ids(first, path));
      expect(ids(first, path)).toEqual(ids(second, path));
    }
  });

  it("are derived exactly as in earlier versions, so ids kept in history still find their blocks", () => {
    // Pinned values: a change to the hashing (even a faster one) must give the same ids for the same blocks.
    const derived = DocxDocument.open(
      buildDocx({
        body:
          p("Alpha") +
          p("Alpha") +
          p("") +
          p("Caf\u00e9 \u2019quoted\u2019 \ud83d\ude00") +
          `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
      }),
    );
    expect(ids(derived, "/body")).toEqual(["2227F92D", "5B9FDB8D", "7F53D27D", "7D33637D", "5EA1ABFB", "1BFD9D4F"]);
    expect([hashId(""), hashId("fresh\u00000\u00000")]).toEqual(["069F5D1F", "09D60F2D"]);
  });

  it("reuse w14:paraId and give identical paragraphs different ids", () => {
    const doc = DocxDocument.open(bytes);
    const [a, stored, b] = ids(doc, "/body/paragraph");
    expect(stored).toBe("0ABCDEF1");
    expect(a).toMatch(/^[0-9A-F]{8}$/);
    expect(b).toMatch(/^[0-9A-F]{8}$/);
    expect(a).not.toBe(b);
    expect(parseInt(a, 16)).toBeLessThan(0x80000000);
  });

  it("name nested elements from their block, so they never collide with block ids", () => {
    const doc = DocxDocument.open(bytes);
    const [table] = ids(doc, "/body/table");
    expect(ids(doc, "/body/table[0]/row[0]/cell[0]/paragraph[0]/run")).toEqual([`${table}.tr0.tc0.p0.r0`, `${table}.tr0.tc0.p0.r1`]);
  });

  it("survive an edit, a save and a reopen, stored in the paragraph", () => {
    const doc = DocxDocument.open(bytes);
    const before = ids(doc, "/body/paragraph");
    const edited = doc.replaceParagraphText("/body/paragraph[2]", "Changed text");
    expect(edited.id).toBe(before[2]);
    const saved = doc.save();
    expect(documentXml(saved)).toContain(`w14:paraId="${before[2]}"`);
    const reopened = DocxDocument.open(saved);
    expect(ids(reopened, "/body/paragraph")).toEqual(before);
    expect(reopened.query(`/body/paragraph[id='${before[2]}']`, { format: "text" }).text).toBe("Changed text");
  });

  it("lead back to their element's path, for blocks, nested elements, stored ids and other stories", () => {
    const doc = DocxDocument.open(
      buildDocx({
        body:
          p("Intro") +
          `<w:tbl><w:tr><w:tc>${p("a")}</w:tc><w:tc><w:p w14:paraId="6A6A6A6A"><w:r><w:t>b</w:t></w:r><w:hyperlink r:id="rL"><w:r><w:t>c</w:t></w:r></w:hyperlink></w:p></w:tc></w:tr></w:tbl>`,
        headers: { default: p("Head") },
        footnotes: [p("Note")],
        links: { rL: "https://example.com" },
      }),
    );
    const paths = [
      "/body/paragraph[0]",
      "/body/table[0]/row[0]/cell[1]",
      "/body/table[0]/row[0]/cell[1]/paragraph[0]",
      "/body/table[0]/row[0]/cell[1]/paragraph[0]/run[1]",
      "/body/table[0]/row[0]/cell[1]/paragraph[0]/hyperlink[0]",
      "/header[0]/paragraph[0]",
      "/footnote[0]/paragraph[0]",
    ];
    for (const path of paths) {
      const [id] = ids(doc, path);
      expect(doc.pathOf(id), path).toBe(path);
    }
    expect(doc.pathOf("6a6a6a6a")).toBe("/body/table[0]/row[0]/cell[1]/paragraph[0]");
    expect(() => doc.pathOf("DEADBEEF")).toThrow("No element has id DEADBEEF");
  });

  it("of other blocks stay put when one of several identical empty paragraphs is edited", () => {
    const source = buildDocx({
      rootAttributes: 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
      body: p("A") + "<w:p/>".repeat(4) + p("B") + "<w:p/>",
    });
    const doc = DocxDocument.open(source);
    const before = ids(doc, "/body/paragraph");
    expect(new Set(before).size).toBe(before.length);
    doc.replaceParagraphText("/body/paragraph[2]", "filled");
    expect(ids(DocxDocument.open(doc.save()), "/body/paragraph")).toEqual(before);
  });

  it("of other blocks stay put when blocks are inserted and removed", () => {
    const source = buildDocx({ body: p("one") + p("two") + "<w:p/><w:p/>" + p("five") + p("six") });
    const doc = WordDocument.open(source);
    const before = doc.body.blocks.map((b) => b.id);
    doc.removeBlock(doc.body, 1);
    const added = doc.insertBlock(doc.body, 2, element("w:p"));
    doc.removeBlock(doc.body, 4);
    const after = WordDocument.open(doc.save()).body.blocks.map((b) => b.id);
    expect(after).toEqual([before[0], before[2], added, before[3], before[5], before[6]]);
  });

  it("honour dmcp:id attributes written by docx-mcp", () => {
    const withDmcp = buildDocx({
      rootAttributes: 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:dmcp="http://docx-mcp.dev/id"',
      body: `<w:p dmcp:id="p-intro"><w:r><w:t>Intro</w:t></w:r></w:p><w:tbl dmcp:id="t-1"><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>`,
    });
    const doc = DocxDocument.open(withDmcp);
    expect(ids(doc, "/body/paragraph")).toEqual(["p-intro"]);
    expect(ids(doc, "/body/table")).toEqual(["t-1"]);
    expect(ids(doc, "/body/table[0]/row[0]/cell[0]")).toEqual(["t-1.tr0.tc0"]);
  });

  it("store a derived id as dmcp:id, declared and ignorable, when the part has no w14 namespace", () => {
    const plain = buildDocx({
      rootAttributes: 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
      body: p("One") + p("Two"),
    });
    const doc = DocxDocument.open(plain);
    const [, two] = ids(doc, "/body/paragraph");
    doc.replaceParagraphText("/body/paragraph[1]", "Second");
    const xml = documentXml(doc.save());
    expect(xml).toContain('xmlns:dmcp="http://docx-mcp.dev/id"');
    expect(xml).toMatch(/mc:Ignorable="dmcp"/);
    expect(xml).toContain(`dmcp:id="${two}"`);
    expect(ids(DocxDocument.open(doc.save()), "/body/paragraph")[1]).toBe(two);
  });

  it("never hand out an id twice, even for a duplicated stored id", () => {
    const dup = buildDocx({ body: `<w:p w14:paraId="11111111"/><w:p w14:paraId="11111111"/>` });
    const [a, b] = ids(DocxDocument.open(dup), "/body/paragraph");
    expect(a).toBe("11111111");
    expect(b).not.toBe(a);
    const nested = buildDocx({
      body: `<w:p w14:paraId="33333333"/><w:tbl><w:tr w14:paraId="44444444"><w:tc><w:p w14:paraId="33333333"/><w:p w14:paraId="55555555"/><w:p w14:paraId="55555555"/></w:tc></w:tr></w:tbl>`,
    });
    const doc = DocxDocument.open(nested);
    const all = [
      ...ids(doc, "/body/paragraph"),
      ...ids(doc, "/body/table"),
      ...ids(doc, "/body/table[0]/row"),
      ...ids(doc, "/body/table[0]/row[0]/cell[0]/paragraph"),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("33333333");
    expect(all).toContain("44444444");
    expect(all).not.toContain("55555555");
    const registry = new IdRegistry();
    const seen = new Set(Array.from({ length: 5000 }, () => registry.fresh()));
    expect(seen.size).toBe(5000);
    expect(hashId("x")).toBe(hashId("x"));
  });
});
