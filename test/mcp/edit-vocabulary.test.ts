import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index";
import { toolCatalogue } from "../../src/mcp/tool-catalogue";
import { EDIT_TOOLS } from "../../src/mcp/tools/edit-tools";
import { del, ins, plainP, run } from "../docx/ops/revisions/support";
import { buildDocx, p } from "../docx/support/build-docx";
import { expectValidPackage } from "../docx/support/valid-package";
import { callError, callOk, openInLibrary, sessionsFor } from "../support/mcp-memory";

const TABLE = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("a")}</w:tc><w:tc>${p("b")}</w:tc></w:tr></w:tbl>`;

const BODY =
  p("Contract") + p("The fee is ten euros.") + plainP(run("Pay ") + del(1, "soon", "Ann") + ins(2, "now", "Ann")) + TABLE + p("End");

async function open(tenant: string) {
  const opened = await openInLibrary(tenant, "v.docx", buildDocx({ body: BODY }));
  const { client, id, tenantId } = opened;
  const history = async () => (await callOk(client, "document_history", { doc_id: id })) as { total: number; position: number };
  /** Every part's text: what a document is, whatever the compression of its zip entries. */
  const bytes = async () =>
    Object.entries(unzipSync(await sessionsFor(tenantId).currentDocument(id))).map(([name, b]) => [name, strFromU8(b)]);
  /** The saved document, checked against the package invariants. */
  const document = async () => {
    const doc = DocxDocument.open(await sessionsFor(tenantId).currentDocument(id));
    expectValidPackage(doc);
    return doc;
  };
  return { ...opened, history, bytes, document };
}

/** One patch mixing kinds: replace text, comment on the new text, make it bold, and title the document. */
const MIXED = [
  { op: "replace_text", path: "/body/paragraph[1]", find: "ten", replace: "twelve" },
  { op: "comment_add", path: "/body/paragraph[1]", text: "Raised", anchor_text: "twelve" },
  { op: "style_element", path: "/body/paragraph[1]", style: { bold: true } },
  { op: "set_metadata", title: "Fee schedule" },
];

describe("apply_patch across operation kinds", () => {
  it("replaces text, comments on it, styles it and titles the document as one history entry that undo reverts", async () => {
    const { client, id, history, document } = await open("voc-mixed");
    const before = (await document()).query("/body", { format: "json" }).items;
    const result = await callOk(client, "apply_patch", { doc_id: id, patches: MIXED });
    expect(result).toMatchObject({ doc_id: id, position: 1, changed: true, replayed: false, dry_run: false, applied: 4, total: 4 });
    expect(result.operations.map((o: { op: string; status: string }) => [o.op, o.status])).toEqual([
      ["replace_text", "success"],
      ["comment_add", "success"],
      ["style_element", "success"],
      ["set_metadata", "success"],
    ]);
    expect(result.operations[0]).toMatchObject({ replacements_made: 1 });
    expect(result.operations[1]).toMatchObject({ anchored_text: "twelve" });
    const h = await callOk(client, "document_history", { doc_id: id });
    expect(h).toMatchObject({ total: 1, entries: [{ tool: "apply_patch", description: expect.stringContaining("4 operations") }] });

    const edited = await document();
    expect(edited.query("/body/paragraph[1]").items![0]).toMatchObject({ text: "The fee is twelve euros." });
    expect(JSON.stringify(edited.query("/body/paragraph[1]/run[*]").items)).toContain('"bold":true');
    expect(edited.listComments()).toMatchObject([{ text: "Raised", anchored_text: "twelve" }]);
    expect(edited.query("/metadata").items![0]).toMatchObject({ properties: { title: "Fee schedule" } });

    await callOk(client, "document_undo", { doc_id: id });
    expect((await history()).position).toBe(0);
    const undone = await document();
    expect(undone.listComments()).toEqual([]);
    expect(undone.query("/body/paragraph[1]").items![0]).toMatchObject({ text: "The fee is ten euros." });
    expect(undone.query("/metadata").items![0]).not.toMatchObject({ properties: { title: "Fee schedule" } });
    expect(undone.query("/body", { format: "json" }).items).toEqual(before);
  });

  it("changes nothing and writes no entry when its third operation fails", async () => {
    const { client, id, history, bytes } = await open("voc-atomic");
    const before = await bytes();
    const error = await callError(client, "apply_patch", {
      doc_id: id,
      patches: [
        MIXED[0],
        { op: "set_metadata", subject: "Fees" },
        { op: "comment_reply", comment_id: 7, text: "No such comment" },
        MIXED[2],
      ],
    });
    expect(error).toMatchObject({ kind: "patch_failed", index: 2, op: "comment_reply", cause: { field: "comment_id" } });
    expect(error.message).toContain("No operation was applied");
    expect(await history()).toMatchObject({ total: 0, position: 0 });
    expect(await bytes()).toEqual(before);
  });

  it("previews a mixed patch with dry_run: every result, nothing changed, no entry", async () => {
    const { client, id, history, bytes } = await open("voc-dry");
    const before = await bytes();
    const preview = await callOk(client, "apply_patch", { doc_id: id, patches: MIXED, dry_run: true });
    expect(preview).toMatchObject({ dry_run: true, changed: true, position: 0, applied: 0, total: 4 });
    expect(preview.operations.every((o: { status: string }) => o.status === "would_succeed")).toBe(true);
    expect(preview.operations[0]).toMatchObject({ replacements_made: 1 });
    expect(await history()).toMatchObject({ total: 0 });
    expect(await bytes()).toEqual(before);
  });

  it("validates every operation before the first runs, naming the operation's field", async () => {
    const { client, id, history } = await open("voc-parse");
    const patches = JSON.stringify([MIXED[0], { op: "set_metadata", title: 5 }]);
    expect(await callError(client, "apply_patch", { doc_id: id, patches })).toMatchObject({
      kind: "invalid_argument",
      field: "operations[1].title",
    });
    const unknown = JSON.stringify([{ op: "insert_text", path: "/body/paragraph[0]", text: "x", ofset: 1 }]);
    expect((await callError(client, "apply_patch", { doc_id: id, patches: unknown })).message).toContain("operations[0].ofset");
    expect(await history()).toMatchObject({ total: 0 });
  });
});

describe("expected_position", () => {
  it("lets an edit through at the position the caller read, and refuses it once the document moved, writing nothing", async () => {
    const { client, id, history } = await open("voc-expected");
    expect(
      await callOk(client, "insert_text", { doc_id: id, path: "/body/paragraph[0]", text: "A ", offset: 0, expected_position: 0 }),
    ).toMatchObject({
      position: 1,
    });
    const stale = await callError(client, "apply_patch", { doc_id: id, patches: MIXED, expected_position: 0 });
    expect(stale).toMatchObject({ kind: "stale_position", expected: 0, position: 1 });
    expect(await history()).toMatchObject({ total: 1, position: 1 });
  });
});

describe("operations that only apply_patch offers", () => {
  it("replace_paragraph_text sets a paragraph's whole text in a patch, keeping its id", async () => {
    const { client, id, document } = await open("voc-paragraph-text");
    const before = (await document()).query("/body/paragraph[1]").items![0] as { id: string };
    const result = await callOk(client, "apply_patch", {
      doc_id: id,
      patches: [{ op: "replace_paragraph_text", path: "/body/paragraph[1]", text: "The fee is waived." }],
    });
    expect(result.operations[0]).toMatchObject({ op: "replace_paragraph_text", id: before.id, path: "/body/paragraph[1]" });
    expect((await document()).query("/body/paragraph[1]").items![0]).toMatchObject({ id: before.id, text: "The fee is waived." });
  });
});

describe("set_metadata, an operation kind added in the registry only", () => {
  it("sets and removes core properties as a tool, in one history entry each", async () => {
    const { client, id, document } = await open("voc-meta");
    const set = await callOk(client, "set_metadata", { doc_id: id, title: "Annual report", author: "Finance", keywords: "fees" });
    expect(set).toMatchObject({
      op: "set_metadata",
      changed: true,
      position: 1,
      properties: { title: "Annual report", author: "Finance", keywords: "fees" },
    });
    expect((await document()).query("/metadata").items![0]).toMatchObject({
      properties: { title: "Annual report", creator: "Finance", keywords: "fees" },
    });
    const cleared = await callOk(client, "set_metadata", { doc_id: id, keywords: "" });
    expect(cleared.properties).toEqual({ title: "Annual report", author: "Finance" });
    const again = await callOk(client, "set_metadata", { doc_id: id, title: "Annual report" });
    expect(again).toMatchObject({ changed: false, position: 2 });
    expect(await callError(client, "set_metadata", { doc_id: id })).toMatchObject({ kind: "invalid_argument", field: "title" });
  });

  it("creates the core properties part when the package has none", async () => {
    const bare = buildDocx({ body: p("x") });
    const { client, id, tenantId } = await openInLibrary("voc-meta-new", "bare.docx", bare);
    const hadCore = DocxDocument.open(bare).query("/metadata").items![0] as { properties: Record<string, string> };
    await callOk(client, "set_metadata", { doc_id: id, subject: "Created" });
    const doc = DocxDocument.open(await sessionsFor(tenantId).currentDocument(id));
    expectValidPackage(doc);
    expect(doc.query("/metadata").items![0]).toMatchObject({ properties: { ...hadCore.properties, subject: "Created" } });
  });
});

describe("set_language, an operation kind added in the engine only (its operation and its registry entry)", () => {
  it("is typed in apply_patch's listed schema, derived from the kind's field descriptors", () => {
    const listed = JSON.stringify(toolCatalogue().get("apply_patch")!.listing.inputSchema);
    expect(listed).toContain('"op":{"const":"set_language"}');
    expect(listed).toContain('"enum":["latin","east_asian","complex"]');
  });

  it("sets the language of the text a patch just replaced, in one history entry, and the package stays valid", async () => {
    const { client, id, history, bytes, document } = await open("voc-language");
    const result = await callOk(client, "apply_patch", {
      doc_id: id,
      patches: [
        { op: "replace_text", path: "/body/paragraph[1]", find: "The fee is ten euros.", replace: "Le prix est de dix euros." },
        { op: "set_language", path: "/body/paragraph[1]", language: "fr-FR" },
      ],
    });
    expect(result.operations[1]).toMatchObject({ op: "set_language", status: "success", styled: 1, changed_count: 1 });
    expect(await history()).toMatchObject({ total: 1, position: 1 });
    const saved = Object.fromEntries(await bytes())["word/document.xml"];
    expect(saved).toMatch(/<w:lang w:val="fr-FR"\/><\/w:rPr><w:t[^>]*>Le prix est de dix euros\.<\/w:t>/);
    expect(saved.match(/w:lang/g)).toHaveLength(1);
    await document();
  });

  it("refuses a bad language or script, whether typed or as JSON text, changing nothing and writing no entry", async () => {
    const { client, id, history, bytes } = await open("voc-language-bad");
    const before = await bytes();
    const typed = await callError(client, "apply_patch", {
      doc_id: id,
      patches: [MIXED[0], { op: "set_language", language: "fr", script: "greek" }],
    });
    expect(typed).toMatchObject({ kind: "invalid_arguments", message: expect.stringContaining("patches") });
    const text = await callError(client, "apply_patch", {
      doc_id: id,
      patches: JSON.stringify([MIXED[0], { op: "set_language", language: "French!" }]),
    });
    expect(text).toMatchObject({ kind: "invalid_argument", field: "operations[1].language" });
    expect(await history()).toMatchObject({ total: 0, position: 0 });
    expect(await bytes()).toEqual(before);
  });
});

/** Arguments that make each edit tool succeed on the document `open` builds (besides doc_id). */
const VALID_ARGS: Record<string, Record<string, unknown>> = {
  add_element: { path: "/body/children/0", value: { type: "paragraph", text: "New" } },
  replace_element: { path: "/body/paragraph[0]", value: { type: "heading", level: 1, text: "Title" } },
  remove_element: { path: "/body/paragraph[text='End']" },
  move_element: { from: "/body/paragraph[0]", to: "/body/children/2" },
  copy_element: { from: "/body/paragraph[0]", to: "/body/children/999" },
  remove_table_column: { path: "/body/table[0]", column: 1 },
  replace_text: { find: "fee", replace: "price" },
  insert_text: { path: "/body/paragraph[0]", text: "Draft ", offset: 0 },
  style_element: { path: "/body/paragraph[0]", style: { italic: true } },
  style_paragraph: { path: "/body/paragraph[0]", style: { alignment: "center" } },
  style_table: { path: "/body/table[0]", cell_style: { shading: "EEEEEE" } },
  comment_add: { path: "/body/paragraph[0]", text: "Check" },
  comment_reply: { comment_id: 0, text: "Done" },
  comment_resolve: { comment_id: 0 },
  comment_delete: { comment_id: 0 },
  revision_accept: { revision_id: 2 },
  revision_reject: { revision_id: 1 },
  revision_accept_all: {},
  revision_reject_all: {},
  track_changes_enable: { enabled: true },
  set_page_setup: { orientation: "landscape" },
  set_header: { text: "Header" },
  set_footer: { text: "Page {PAGE}" },
  set_metadata: { title: "T" },
};

describe("the edit result envelope", () => {
  it("is the same for every edit tool, dry run or not, and the package stays valid", async () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual(Object.keys(EDIT_TOOLS).sort());
    for (const [tool, args] of Object.entries(VALID_ARGS)) {
      // Comment tools need a comment to act on; each tool gets a fresh document.
      const { client, id, document } = await open(`voc-env-${tool}`);
      if (tool.startsWith("comment_") && tool !== "comment_add")
        await callOk(client, "comment_add", { doc_id: id, path: "/body/paragraph[1]", text: "First" });
      const start = (await callOk(client, "document_history", { doc_id: id })).position as number;
      const dry = await callOk(client, tool, { doc_id: id, ...args, dry_run: true });
      expect(dry, tool).toMatchObject({
        doc_id: id,
        position: start,
        changed: true,
        replayed: false,
        dry_run: true,
        op: EDIT_TOOLS[tool].op,
      });
      const done = await callOk(client, tool, { doc_id: id, ...args, request_id: `${tool}-1` });
      expect(done, tool).toMatchObject({ doc_id: id, position: start + 1, changed: true, replayed: false, dry_run: false });
      const again = await callOk(client, tool, { doc_id: id, ...args, request_id: `${tool}-1` });
      expect(again, tool).toEqual({ ...done, replayed: true });
      await document();
    }
  });
});
