import { describe, expect, it } from "vitest";
import { element, insertInOrder, parseFragment, serializeNode, type XmlElement } from "../../../src/docx/xml/index.js";

const W = 'xmlns:w="urn:w" xmlns:w14="urn:w14"';
const parse = (xml: string) => parseFragment(xml)[0] as XmlElement;
const insert = (parent: string, child: string) => {
  const el = parse(parent);
  insertInOrder(el, element(child), "w:");
  return serializeNode(el).replace(` ${W}`, "");
};

describe("insertInOrder", () => {
  it("puts a child after the last sibling the schema places before it", () => {
    expect(insert(`<w:rPr ${W}><w:b/><w:sz/></w:rPr>`, "w:color")).toBe("<w:rPr><w:b/><w:color/><w:sz/></w:rPr>");
  });

  it("puts a child before the first later sibling when none comes before it", () => {
    expect(insert(`<w:pPr ${W}><w:jc/><w:rPr/></w:pPr>`, "w:pStyle")).toBe("<w:pPr><w:pStyle/><w:jc/><w:rPr/></w:pPr>");
  });

  it("keeps extension elements last and in place", () => {
    expect(insert(`<w:rPr ${W}><w14:ligatures/></w:rPr>`, "w:b")).toBe("<w:rPr><w:b/><w14:ligatures/></w:rPr>");
    expect(insert(`<w:rPr ${W}><w:b/><w14:ligatures/><w:lang/></w:rPr>`, "w:i")).toBe(
      "<w:rPr><w:b/><w:i/><w14:ligatures/><w:lang/></w:rPr>",
    );
  });

  it("appends children of unknown parents or unknown names", () => {
    expect(insert(`<w:other ${W}><w:b/></w:other>`, "w:a")).toBe("<w:other><w:b/><w:a/></w:other>");
    expect(insert(`<w:rPr ${W}><w:b/></w:rPr>`, "w:madeUp")).toBe("<w:rPr><w:b/><w:madeUp/></w:rPr>");
  });
});
