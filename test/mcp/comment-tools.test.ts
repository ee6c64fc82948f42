import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, openInLibrary } from "../support/mcp-memory";

const BODY =
  `<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Payment is due in thirty days.</w:t></w:r></w:p>` + p("Late fees apply.");

const open = (tenant: string) => openInLibrary(tenant, "c.docx", buildDocx({ body: BODY }));

describe("comment tools", () => {
  it("adds a comment on exact text, and it survives document_save and reopening", async () => {
    const { client, id } = await open("ct-add");
    const added = await callOk(client, "comment_add", {
      doc_id: id,
      path: "/body/paragraph[0]",
      text: "Too short?",
      anchor_text: "thirty days",
      author: "Legal Team",
    });
    expect(added).toMatchObject({ comment_id: "0", path: "/body/paragraph[0]", anchored_text: "thirty days", position: 1 });
    // The commented paragraph keeps its text and italic formatting on both sides of the split.
    const runs = (await callOk(client, "query", { doc_id: id, path: "/body/paragraph[0]/run[*]", format: "json" })).items as {
      text: string;
    }[];
    expect(runs.map((r) => r.text)).toEqual(["Payment is due in ", "thirty days", "", "."]);
    await callOk(client, "document_save", { doc_id: id, output_path: "c-commented.docx" });
    const reopened = (await callOk(client, "document_open", { path: "c-commented.docx" })).session.id;
    const list = await callOk(client, "comment_list", { doc_id: reopened });
    expect(list).toMatchObject({
      total: 1,
      count: 1,
      comments: [
        {
          id: "0",
          author: "Legal Team",
          initials: "LT",
          text: "Too short?",
          anchored_text: "thirty days",
          resolved: false,
          parent_id: null,
        },
      ],
    });
  });

  it("replies, resolves, lists by page and author, and deletes a thread", async () => {
    const { client, id } = await open("ct-thread");
    await callOk(client, "comment_add", { doc_id: id, path: "/body/paragraph[0]", text: "First", author: "Ann" });
    await callOk(client, "comment_add", { doc_id: id, path: "/body/paragraph[1]", text: "Second", author: "Bob" });
    expect(await callOk(client, "comment_reply", { doc_id: id, comment_id: 0, text: "Agreed", author: "Bob" })).toMatchObject({
      comment_id: "2",
      parent_id: "0",
    });
    expect(await callOk(client, "comment_resolve", { doc_id: id, comment_id: "0" })).toMatchObject({ resolved: true });
    const page = await callOk(client, "comment_list", { doc_id: id, limit: 2 });
    expect(page).toMatchObject({ total: 3, count: 2, next_offset: 2 });
    expect(page.comments.map((c: { id: string; resolved: boolean }) => [c.id, c.resolved])).toEqual([
      ["0", true],
      ["1", false],
    ]);
    const rest = await callOk(client, "comment_list", { doc_id: id, offset: 2, limit: 2 });
    expect(rest).toMatchObject({
      count: 1,
      next_offset: null,
      comments: [{ id: "2", parent_id: "0", anchored_text: "Payment is due in thirty days." }],
    });
    expect((await callOk(client, "comment_list", { doc_id: id, author: "BOB" })).comments.map((c: { id: string }) => c.id)).toEqual([
      "1",
      "2",
    ]);
    expect(await callOk(client, "comment_delete", { doc_id: id, comment_id: 0 })).toMatchObject({ deleted: ["0", "2"], position: 5 });
    expect((await callOk(client, "comment_list", { doc_id: id })).comments.map((c: { id: string }) => c.id)).toEqual(["1"]);
    expect((await callOk(client, "document_undo", { doc_id: id })).position).toBe(4);
    expect((await callOk(client, "comment_list", { doc_id: id })).total).toBe(3);
  });

  it("reports unknown comments and missing anchors without changing the document", async () => {
    const { client, id } = await open("ct-errors");
    expect(
      await callError(client, "comment_add", { doc_id: id, path: "/body/paragraph[0]", text: "x", anchor_text: "ninety" }),
    ).toMatchObject({ kind: "invalid_argument", field: "anchor_text" });
    expect(await callError(client, "comment_reply", { doc_id: id, comment_id: 3, text: "x" })).toMatchObject({
      kind: "invalid_argument",
      field: "comment_id",
    });
    expect(await callError(client, "comment_delete", { doc_id: id })).toMatchObject({ field: "comment_id" });
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });
});
