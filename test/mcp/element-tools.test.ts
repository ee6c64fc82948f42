import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, connectMcp, openInLibrary, testLibrary, tokenFor, trackingDocx } from "../support/mcp-memory";

const TABLE = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>${p("a")}</w:tc><w:tc>${p("b")}</w:tc></w:tr></w:tbl>`;

async function setup(tenant: string) {
  const auth = await tokenFor(tenant);
  await testLibrary.write(auth.tenantId, "e.docx", buildDocx({ body: p("One") + p("Two") + TABLE + p("Three") }));
  const client = await connectMcp(auth.headers);
  const { session } = await callOk(client, "document_open", { path: "e.docx" });
  const id = session.id as string;
  const body = async () => (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[*]", format: "summary" })).text as string;
  const history = async () =>
    (await callOk(client, "document_history", { doc_id: id })) as { total: number; entries: { tool: string; description: string }[] };
  return { client, id, body, history };
}

describe("element tools over MCP", () => {
  it("lists every element tool to a token with the complete tool set", async () => {
    const client = await connectMcp((await tokenFor("el-list", undefined, { toolSet: "complete" })).headers);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "add_element",
        "replace_element",
        "remove_element",
        "move_element",
        "copy_element",
        "remove_table_column",
        "apply_patch",
      ]),
    );
  });

  it("add_element takes the value as an object or a JSON string and writes one history entry", async () => {
    const { client, id, history } = await setup("el-add");
    const added = await callOk(client, "add_element", {
      doc_id: id,
      path: "/body/children/0",
      value: { type: "heading", level: 1, text: "Intro" },
    });
    expect(added).toMatchObject({
      doc_id: id,
      position: 1,
      changed: true,
      replayed: false,
      dry_run: false,
      op: "add",
      type: "heading",
      element_path: "/body/paragraph[0]",
    });
    const again = await callOk(client, "add_element", {
      doc_id: id,
      path: "/body/children/999",
      value: '{"type":"paragraph","text":"End"}',
    });
    expect(again.position).toBe(2);
    const h = await history();
    expect(h.total).toBe(2);
    expect(h.entries[0]).toMatchObject({ tool: "add_element", description: "add heading at /body/children/0" });
    const read = await callOk(client, "query", { doc_id: id, path: `/body/paragraph[id='${added.created_id}']` });
    expect(read.items[0]).toMatchObject({ text: "Intro", style: "Heading1" });
  });

  it("replace keeps the id, copy makes a new one, move and remove change the order", async () => {
    const { client, id, body } = await setup("el-ops");
    const first = (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[0]" })).items[0].id;
    const replaced = await callOk(client, "replace_element", {
      doc_id: id,
      path: `/body/paragraph[id='${first}']`,
      value: { type: "paragraph", text: "Uno" },
    });
    expect(replaced.replaced_id).toBe(first);
    const copied = await callOk(client, "copy_element", { doc_id: id, from: "/body/paragraph[0]", to: "/body/children/999" });
    expect(copied.copy_id).not.toBe(first);
    await callOk(client, "move_element", { doc_id: id, from: "/body/paragraph[1]", to: "/body/children/0" });
    await callOk(client, "remove_element", { doc_id: id, path: "/body/paragraph[text='Three']" });
    expect(await body()).toMatch(/Two[\s\S]*Uno[\s\S]*Uno/);
    expect(await body()).not.toContain("Three");
  });

  it("remove_table_column and row additions edit the table", async () => {
    const { client, id } = await setup("el-table");
    await callOk(client, "add_element", { doc_id: id, path: "/body/table[0]/row", value: { type: "row", cells: ["c", "d"] } });
    const r = await callOk(client, "remove_table_column", { doc_id: id, path: "/body/table[0]", column: 0 });
    expect(r).toMatchObject({ column_index: 0, rows_affected: 2 });
    expect((await callOk(client, "query", { doc_id: id, path: "/body/table[0]" })).items[0].cells).toEqual([["b"], ["d"]]);
  });

  it("apply_patch is atomic: a failing 5th operation changes nothing and writes no entry", async () => {
    const { client, id, body, history } = await setup("el-atomic");
    const before = await body();
    const error = await callError(client, "apply_patch", {
      doc_id: id,
      patches: [
        { op: "add", path: "/body/children/0", value: { type: "paragraph", text: "A" } },
        { op: "remove", path: "/body/paragraph[1]" },
        { op: "copy", from: "/body/paragraph[0]", path: "/body/children/999" },
        { op: "replace_text", path: "/body/paragraph[0]", find: "A", replace: "B" },
        { op: "move", from: "/body/paragraph[42]", path: "/body/children/0" },
      ],
    });
    expect(error).toMatchObject({ kind: "patch_failed", index: 4, op: "move", cause: { kind: "path_not_found" } });
    expect(error.message).toContain("Operation 4 (move /body/paragraph[42] → /body/children/0) failed");
    expect(await body()).toBe(before);
    expect((await history()).total).toBe(0);
    const ok = await callOk(client, "apply_patch", {
      doc_id: id,
      patches: JSON.stringify([
        { op: "add", path: "/body/children/0", value: { type: "paragraph", text: "A" } },
        { op: "remove", path: "/body/paragraph[text='Two']" },
      ]),
    });
    expect(ok).toMatchObject({ applied: 2, total: 2, position: 1 });
    expect((await history()).entries[0]).toMatchObject({ tool: "apply_patch", description: "apply_patch: 2 operations (add, remove)" });
  });

  it("dry_run reports would_succeed and changes nothing", async () => {
    const { client, id, body, history } = await setup("el-dry");
    const before = await body();
    const r = await callOk(client, "remove_element", { doc_id: id, path: "/body/paragraph[0]", dry_run: true });
    expect(r).toMatchObject({ dry_run: true, changed: true, position: 0, removed_id: expect.any(String) });
    expect(await body()).toBe(before);
    expect((await history()).total).toBe(0);
  });

  it("request_id makes a retry return the first result instead of editing twice", async () => {
    const { client, id, history } = await setup("el-retry");
    const args = { doc_id: id, path: "/body/children/0", value: { type: "paragraph", text: "Once" }, request_id: "r-1" };
    const first = await callOk(client, "add_element", args);
    const second = await callOk(client, "add_element", args);
    expect(second).toMatchObject({ replayed: true, created_id: first.created_id });
    expect((await history()).total).toBe(1);
  });

  it("adds a picture from a library file and a numbered list", async () => {
    const { client, id } = await setup("el-image");
    const auth = await tokenFor("el-image");
    const png = Uint8Array.from(
      atob("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII="),
      (c) => c.charCodeAt(0),
    );
    await testLibrary.write(auth.tenantId, "pics/logo.png", png);
    const r = await callOk(client, "apply_patch", {
      doc_id: id,
      patches: [
        { op: "add", path: "/body/children/0", value: { type: "image", file: "pics/logo.png", width: 40, alt: "Logo" } },
        { op: "add", path: "/body/children/1", value: { type: "list", ordered: true, items: ["a", "b"] } },
      ],
    });
    expect(r.operations[1].created_ids).toHaveLength(2);
    expect(await callOk(client, "count_elements", { doc_id: id, path: "/body/paragraph[0]/drawing" })).toMatchObject({ count: 1 });
    const missing = await callError(client, "add_element", {
      doc_id: id,
      path: "/body/children/0",
      value: { type: "image", file: "pics/none.png" },
    });
    expect(missing).toMatchObject({ kind: "file_not_found" });
  });

  it("bad input names the field: invalid JSON, unknown type, wrong slot", async () => {
    const { client, id } = await setup("el-bad");
    const notJson = await callError(client, "add_element", { doc_id: id, path: "/body/children/0", value: "{not json" });
    expect(notJson).toMatchObject({ kind: "invalid_argument", field: "value" });
    // An object value is checked against the typed schema; JSON text reaches the engine, which names the field.
    const refused = await callError(client, "add_element", { doc_id: id, path: "/body/children/0", value: { type: "chart" } });
    expect(refused).toMatchObject({ kind: "invalid_arguments", message: expect.stringContaining("value") });
    const unknown = await callError(client, "add_element", { doc_id: id, path: "/body/children/0", value: '{"type":"chart"}' });
    expect(unknown).toMatchObject({ kind: "invalid_argument", field: "value.type" });
    expect(await callError(client, "apply_patch", { doc_id: id, patches: '[{"op":"add","path":"/body/children/0"}]' })).toMatchObject({
      kind: "invalid_argument",
      field: "operations[0].value",
    });
    expect((await callError(client, "apply_patch", { doc_id: id, patches: [{ op: "add", path: "/body/children/0" }] })).kind).toBe(
      "invalid_arguments",
    );
  });
});

describe("element tools on a document that tracks changes", () => {
  it("move_element writes a tracked move and remove_table_column deletes the column's text, by the calling account", async () => {
    const { client, id, tenantId } = await openInLibrary("el-tracked", "tracked.docx", trackingDocx({ body: p("One") + p("Two") + TABLE }));
    const sourceId = (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[0]" })).items[0].id;
    const moved = await callOk(client, "move_element", { doc_id: id, from: "/body/paragraph[0]", to: "/body/children/2" });
    expect(moved).toMatchObject({ source_id: sourceId, tracked: true, element_path: "/body/paragraph[2]" });
    const column = await callOk(client, "remove_table_column", { doc_id: id, path: "/body/table[0]", column: 1 });
    expect(column).toMatchObject({ rows_affected: 1, tracked: true });
    await callOk(client, "document_save", { doc_id: id });
    const xml = strFromU8(unzipSync((await testLibrary.read(tenantId, "tracked.docx"))!)["word/document.xml"]);
    const author = (tag: string) => new RegExp(`<w:${tag} w:id="\\d+" w:author="([^"]*)"`).exec(xml)?.[1];
    expect(author("moveTo")).toBe(author("moveFrom"));
    expect(author("moveFrom")).not.toBe("docx-edge");
    expect(xml).toMatch(/<w:moveFromRangeStart [^>]*w:name="(move\d+)"\/>.*<w:moveToRangeStart [^>]*w:name="\1"\/>/);
    expect(xml).toContain('<w:delText xml:space="preserve">b</w:delText>');
  });
});
