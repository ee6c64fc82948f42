import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, openInLibrary, testLibrary, trackingDocx } from "../support/mcp-memory";

const TWO_SECTIONS = buildDocx({
  body: p("One") + '<w:p><w:pPr><w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:pPr></w:p>' + p("Two"),
  headers: { default: p("Old header") },
});

async function open(tenant: string) {
  const { client, id, tenantId } = await openInLibrary(tenant, "s.docx", TWO_SECTIONS);
  const saved = async () => {
    await callOk(client, "document_save", { doc_id: id });
    const files = unzipSync((await testLibrary.read(tenantId, "s.docx"))!);
    return (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  };
  return { client, id, saved };
}

describe("section tools over MCP", () => {
  it("lists page setup and the headers each section shows", async () => {
    const { client, id } = await open("sec-list");
    const { sections, total } = await callOk(client, "get_page_setup", { doc_id: id });
    expect(total).toBe(2);
    expect(sections[0]).toMatchObject({
      section: 0,
      width_twips: 12240,
      orientation: "portrait",
      headers: { default: { text: "", part: null } },
    });
    expect(sections[1].headers.default).toMatchObject({ text: "Old header", inherited_from: null, shown: true });
    expect((await callError(client, "get_page_setup", { doc_id: id, section_index: 5 })).message).toContain("the document has 2 sections");
  });

  it("makes one section landscape with margins in cm, as one history entry", async () => {
    const { client, id, saved } = await open("sec-landscape");
    const result = await callOk(client, "set_page_setup", {
      doc_id: id,
      section_index: 1,
      orientation: "landscape",
      margins: { top: "2cm", bottom: "2cm" },
    });
    expect(result).toMatchObject({
      position: 1,
      changed: true,
      sections: [
        { section: 1, width_twips: 15840, height_twips: 12240, orientation: "landscape", margins_twips: { top: 1134, bottom: 1134 } },
      ],
    });
    const history = await callOk(client, "document_history", { doc_id: id });
    expect(history.entries[0]).toMatchObject({ tool: "set_page_setup" });
    expect((await saved())("word/document.xml")).toContain('<w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/>');
  });

  it("previews with dry_run without changing the document", async () => {
    const { client, id } = await open("sec-dry");
    const preview = await callOk(client, "set_header", { doc_id: id, text: "Draft", dry_run: true });
    expect(preview).toMatchObject({ dry_run: true, changed: true, created: true, part: "word/header1.xml" });
    const { sections } = await callOk(client, "get_page_setup", { doc_id: id });
    expect(sections[0].headers.default.part).toBeNull();
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });

  it("creates a first-page footer with page numbers and replaces an existing header", async () => {
    const { client, id, saved } = await open("sec-hf");
    const footer = await callOk(client, "set_footer", {
      doc_id: id,
      text: "Page {PAGE} of {NUMPAGES}",
      type: "first",
      section_index: 0,
      alignment: "right",
    });
    expect(footer).toMatchObject({ created: true, kind: "footer", type: "first", shown_in_sections: [0] });
    const header = await callOk(client, "set_header", { doc_id: id, text: "Annual report\nConfidential", section_index: 1 });
    expect(header).toMatchObject({ created: false, part: "word/header-default.xml" });
    const file = await saved();
    expect(file(footer.part)).toContain('<w:fldSimple w:instr=" PAGE ">');
    expect(file("word/document.xml")).toContain("<w:titlePg/>");
    expect(file("word/header-default.xml")).toContain("Confidential");
    expect(file("word/header-default.xml")).not.toContain("Old header");
  });

  it("refuses bad lengths and fields with the field named, changing nothing", async () => {
    const { client, id } = await open("sec-bad");
    const error = await callError(client, "set_page_setup", { doc_id: id, margins: { left: "three inches" } });
    expect(error).toMatchObject({ kind: "invalid_argument", field: "margins.left" });
    expect((await callError(client, "set_footer", { doc_id: id, text: "{TIME}" })).message).toContain("Unknown field {TIME}");
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });
});

describe("section tools on a document that tracks changes", () => {
  it("set_footer keeps the old footer text as a tracked deletion by the calling account", async () => {
    const { client, id, tenantId } = await openInLibrary(
      "sec-tracked",
      "t.docx",
      trackingDocx({ body: p("Body"), footers: { default: p("Old footer") } }),
    );
    const r = await callOk(client, "set_footer", { doc_id: id, text: "Page {PAGE}" });
    expect(r).toMatchObject({ created: false, tracked: true });
    await callOk(client, "document_save", { doc_id: id });
    const footer = strFromU8(unzipSync((await testLibrary.read(tenantId, "t.docx"))!)["word/footer-default.xml"]);
    const author = (tag: string) => new RegExp(`<w:${tag} w:id="\\d+" w:author="([^"]*)"`).exec(footer)?.[1];
    expect(footer).toContain('<w:delText xml:space="preserve">Old footer</w:delText>');
    expect(footer).toMatch(/<w:ins [^>]+><w:r><w:t xml:space="preserve">Page <\/w:t>/);
    expect(author("ins")).toBe(author("del"));
    expect(author("del")).not.toBe("docx-edge");
  });
});
