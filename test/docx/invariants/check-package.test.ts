import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkPackage } from "../../../src/docx/invariants/index.js";
import { buildDocx, p } from "../support/build-docx.js";

const COMMENT = (id: number) =>
  `<w:commentRangeStart w:id="${id}"/><w:r><w:t>x</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
const FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
const sound = () =>
  edit(
    buildDocx({
      body: `<w:p w14:paraId="11111111">${FIELD}${COMMENT(0)}</w:p>${p("two", undefined, ' w14:paraId="22222222"')}`,
      comments: [{ author: "Ann", body: p("note") }],
      relationships: { rIdImg: ["image", "media/a.png"] },
      extraParts: { "word/media/a.png": new Uint8Array([1, 2, 3]) },
    }),
    "[Content_Types].xml",
    (x) => x.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default '),
  );

/** The package with one part's XML rewritten. */
function edit(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const entries = unzipSync(bytes);
  entries[part] = strToU8(change(new TextDecoder().decode(entries[part])));
  return zipSync(entries);
}
const documentEdit = (change: (xml: string) => string) => edit(sound(), "word/document.xml", change);
const messages = (bytes: Uint8Array) => checkPackage(bytes).map((v) => `${v.check}: ${v.message}`);

describe("checkPackage", () => {
  it("finds nothing wrong with a sound package", () => {
    expect(checkPackage(sound())).toEqual([]);
  });

  it("reports a part that is not well-formed or holds an illegal character, written or referenced", () => {
    expect(messages(documentEdit((x) => x.replace(">two<", ">t\u0001wo<")))).toEqual([
      expect.stringMatching(/^checkWellFormed: word\/document.xml: U\+0001 at offset \d+/),
    ]);
    expect(messages(documentEdit((x) => x.replace(">two<", ">t&#x1;wo<")))[0]).toMatch(/&#x1;.*does not allow/);
    expect(messages(documentEdit((x) => x.replace("</w:body>", "</w:bdy>")))[0]).toMatch(/not well-formed/);
  });

  it("reports a relationship to a missing part and a part without a content type", () => {
    const entries = unzipSync(sound());
    delete entries["word/media/a.png"];
    entries["word/media/b.qqq"] = new Uint8Array([1]);
    expect(messages(zipSync(entries))).toEqual([
      expect.stringMatching(/^checkRelationshipTargets: .*rIdImg \(image\) targets media\/a.png/),
      expect.stringMatching(/^checkContentTypes: word\/media\/b.qqq has no content type/),
    ]);
  });

  it("reports a paragraph id used twice", () => {
    expect(messages(documentEdit((x) => x.replace("22222222", "11111111")))).toEqual([
      expect.stringMatching(/^checkParagraphIds: w14:paraId 11111111 is used twice/),
    ]);
  });

  it("reports an unbalanced field", () => {
    expect(messages(documentEdit((x) => x.replace('<w:r><w:fldChar w:fldCharType="end"/></w:r>', "")))).toEqual([
      expect.stringMatching(/^checkFieldsBalanced: .*1 field\(s\) begin but never end/),
    ]);
    expect(messages(documentEdit((x) => x.replace('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', "")))[0]).toMatch(/no field open/);
  });

  it("reports a comment range without its end and a reference to a missing comment", () => {
    expect(messages(documentEdit((x) => x.replace('<w:commentRangeEnd w:id="0"/>', "")))).toEqual([
      expect.stringMatching(/comment range 0 starts but never ends/),
    ]);
    expect(messages(documentEdit((x) => x.replace('<w:commentReference w:id="0"/>', '<w:commentReference w:id="7"/>')))).toEqual([
      expect.stringMatching(/reference to comment 7/),
    ]);
  });

  it("reports a package that is not a zip", () => {
    expect(messages(new Uint8Array([1, 2, 3]))[0]).toMatch(/^zip: /);
  });
});
