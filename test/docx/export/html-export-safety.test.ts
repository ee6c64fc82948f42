import { describe, expect, it } from "vitest";
import { safeHref } from "../../../src/docx/export/html-writer.js";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx } from "../support/build-docx.js";
import { exported } from "./export-fixture.js";

const link = (id: string, text: string) => `<w:hyperlink r:id="${id}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink>`;
const picture = (id: string) =>
  `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="P" descr="Tracker"/>` +
  `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
  `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="${id}"/></pic:blipFill></pic:pic>` +
  `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

describe("html export safety", () => {
  // Hyperlink targets come from the document, which anyone may have written: a link must never run script.
  const html = exported(
    DocxDocument.open(
      buildDocx({
        body: `<w:p>${link("rJs", "script")} ${link("rTab", "tabbed")} ${link("rData", "data")} ${link("rOk", "fine")} ${link("rMail", "mail")}</w:p><w:p>${picture("rImg")}</w:p>`,
        links: {
          rJs: "javascript:alert(document.cookie)",
          rTab: "JaVa&#9;Script:alert(1)",
          rData: "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
          rOk: "https://example.com/",
          rMail: "mailto:a@example.com",
          rImg: "https://tracker.example/pixel.png",
        },
      }),
    ),
    "html",
  );

  it("neutralises script-capable link targets and keeps safe ones", () => {
    expect(html).not.toMatch(/\shref="\s*(javascript|data|vbscript)/i);
    expect(html).not.toMatch(/\shref="java\s*script/i);
    expect(html).toContain('<a data-blocked-href="javascript:alert(document.cookie)">script</a>');
    expect(html).toContain('<a href="https://example.com/">fine</a>');
    expect(html).toContain('<a href="mailto:a@example.com">mail</a>');
  });

  it("embeds no remote resource and says so in its own Content-Security-Policy", () => {
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).toContain("tracker.example"); // kept as data for the reader, never fetched
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it.each([
    ["javascript:x", null],
    [" javascript:x", null],
    ["jav\u0000ascript:x", null],
    ["VBScript:x", null],
    ["//evil.example/x", null],
    ["#intro", "#intro"],
    ["notes/other.html", "notes/other.html"],
    ["HTTPS://example.com", "HTTPS://example.com"],
  ])("reads %j as %j", (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});
