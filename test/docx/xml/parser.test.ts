import { describe, expect, it } from "vitest";
import { canonicalDifference, parseXml, serializeXml } from "../../../src/docx/xml/index.js";
import { docxFailure } from "../support/docx-failure.js";
import { timed } from "../support/timed.js";

describe("parseXml and serializeXml", () => {
  it("keeps prefixes, namespace declarations, attribute order, comments, PIs and the declaration", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- lead --><?mso-application progid="Word.Document"?>' +
      '<w:document xmlns:w="urn:w" xmlns:w14="urn:w14" xmlns:mc="urn:mc" mc:Ignorable="w14"><w:body><!-- c --><w:p w14:paraId="1A2B3C4D" w:rsidR="00AB"><?pi data?><w:r><w:t xml:space="preserve"> a </w:t></w:r></w:p></w:body></w:document>';
    const out = serializeXml(parseXml(xml));
    expect(out).toBe(xml);
  });

  it("decodes the predefined entities and numeric references and re-escapes minimally", () => {
    const doc = parseXml('<a t="&quot;x&quot; &amp; &#x41;&#66;">&lt;b&gt; &amp; &apos;&#x2019;&#8220;</a>');
    expect(doc.root.attributes[0].value).toBe('"x" & AB');
    expect(doc.root.children[0]).toEqual({ type: "text", text: "<b> & '\u2019\u201C" });
    expect(serializeXml(doc)).toBe('<a t="&quot;x&quot; &amp; AB">&lt;b&gt; &amp; \'\u2019\u201C</a>');
  });

  it("normalises CR LF in text and literal whitespace in attributes, but keeps referenced ones", () => {
    const doc = parseXml('<a v="x\ty&#10;z">one\r\ntwo\rthree&#13;</a>');
    expect(doc.root.attributes[0].value).toBe("x y\nz");
    expect(doc.root.children[0]).toEqual({ type: "text", text: "one\ntwo\nthree\r" });
    const again = parseXml(serializeXml(doc));
    expect(again.root.attributes[0].value).toBe("x y\nz");
    expect(again.root.children[0]).toEqual({ type: "text", text: "one\ntwo\nthree\r" });
  });

  it("keeps CDATA sections and self-closing forms", () => {
    const xml = "<a><b/><c></c><![CDATA[<raw> & ]]></a>";
    expect(serializeXml(parseXml(xml))).toBe(xml);
  });

  it("refuses a DOCTYPE (XXE and billion laughs) with a clear error", () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:t>&xxe;</w:t>';
    expect(docxFailure(() => parseXml(xxe)).kind).toBe("xml_forbidden");
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><a>&lol2;</a>';
    expect(docxFailure(() => parseXml(laughs)).message).toMatch(/DOCTYPE or entity declaration/);
  });

  it("refuses an undeclared entity", () => {
    expect(docxFailure(() => parseXml("<a>&nbsp;</a>"))).toMatchObject({
      kind: "xml_forbidden",
      message: expect.stringContaining("&nbsp;"),
    });
  });

  it("reports mismatched and unterminated tags with their offset", () => {
    expect(docxFailure(() => parseXml("<a><b></a>"))).toMatchObject({
      kind: "xml_malformed",
      offset: 6,
      message: expect.stringContaining("</a> does not match <b>"),
    });
    expect(docxFailure(() => parseXml("<a><b>"))).toMatchObject({
      kind: "xml_malformed",
      message: expect.stringContaining("ends inside <b>"),
    });
    expect(docxFailure(() => parseXml('<a x="1></a>')).kind).toBe("xml_malformed");
  });

  it("rejects 10,000-deep nesting within a second", () => {
    const deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    const started = Date.now();
    const f = docxFailure(() => parseXml(deep));
    expect(f).toMatchObject({ kind: "xml_too_deep", limit: 512 });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("canonicalDifference", () => {
  it("treats CDATA as text and ignores whitespace outside the root", () => {
    expect(canonicalDifference("<a>x<![CDATA[y]]></a>\n", "<a>xy</a>")).toBeNull();
    expect(canonicalDifference("<a b='1' c='2'/>", '<a c="2" b="1"></a>')).toBeNull();
  });

  it("names the first difference", () => {
    expect(canonicalDifference('<a xmlns:w="u"><w:b/></a>', '<a xmlns:x="u"><x:b/></a>')).toMatch(/attribute/);
    expect(canonicalDifference("<a><!--x--></a>", "<a/>")).toMatch(/1 child nodes vs 0/);
    expect(canonicalDifference("<a> t</a>", "<a>t</a>")).toMatch(/text/);
  });
});

describe("parseXml on elements with many attributes", () => {
  const many = (count: number, extra = "") => `<a${Array.from({ length: count }, (_, i) => ` n${i}="${i}"`).join("")}${extra}/>`;

  it("refuses a duplicate attribute whether it comes early or after many others", () => {
    expect(docxFailure(() => parseXml('<a x="1" x="2"/>')).message).toContain("duplicate attribute x in <a>");
    expect(docxFailure(() => parseXml(many(40, ' n3="again"'))).message).toContain("duplicate attribute n3 in <a>");
    expect(parseXml(many(40)).root.attributes).toHaveLength(40);
  });

  it("parses an element with 50,000 attributes in linear time", () => {
    const doc = timed("parse of 50,000 attributes", () => parseXml(many(50_000)));
    expect(doc.root.attributes.at(-1)).toEqual({ name: "n49999", value: "49999" });
  });
});
