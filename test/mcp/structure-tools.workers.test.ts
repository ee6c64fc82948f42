/**
 * Structure edits through the MCP tools: revision handles for a shared w:id, refused values and page geometry (no
 * history entry), and a tracked move listed once.
 */
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** LibreOffice's numbering: Alice's deletion and Bob's bold share w:id="0". */
const SHARED_ID =
  '<w:p><w:r><w:t xml:space="preserve">Keep </w:t></w:r>' +
  '<w:del w:id="0" w:author="Alice" w:date="2024-03-01T09:00:00Z"><w:r><w:delText xml:space="preserve">gone </w:delText></w:r></w:del>' +
  '<w:r><w:rPr><w:b/><w:rPrChange w:id="0" w:author="Bob" w:date="2024-03-02T09:00:00Z"><w:rPr></w:rPr></w:rPrChange></w:rPr><w:t>bold</w:t></w:r></w:p>';

async function open(tenant: string, body: string) {
  const auth = await tokenFor(tenant);
  const upload = await workerFetch("/api/files/doc.docx", {
    method: "PUT",
    headers: { ...auth.headers, "content-type": DOCX_TYPE },
    body: buildDocx({ body }),
  });
  expect(upload.status).toBeLessThan(300);
  const client = await connectMcp(auth.headers);
  const { session } = await callOk(client, "document_open", { path: "doc.docx" });
  const id = session.id as string;
  const entries = async () => (await callOk(client, "document_history", { doc_id: id })).total as number;
  return { client, id, entries };
}

describe("structure edits over MCP", () => {
  it("revision_list gives handles for a shared id, and revision_reject takes one", async () => {
    const { client, id } = await open("structure-handles", SHARED_ID + p("Other"));
    const listed = await callOk(client, "revision_list", { doc_id: id });
    expect(listed.revisions.map((r: { handle: string; author: string }) => [r.handle, r.author])).toEqual([
      ["0.1", "Alice"],
      ["0.2", "Bob"],
    ]);
    const ambiguous = await callError(client, "revision_reject", { doc_id: id, revision_id: 0 });
    expect(ambiguous.message).toContain("shared by 2 different revisions");
    const rejected = await callOk(client, "revision_reject", { doc_id: id, revision_id: "0.2" });
    expect(rejected).toMatchObject({ rejected: 1, revisions: [{ id: 0, author: "Bob" }] });
    expect((await callOk(client, "revision_list", { doc_id: id })).revisions).toMatchObject([{ id: 0, author: "Alice" }]);
  });

  it("refuses an unknown property and an impossible page, writing no history entry", async () => {
    const { client, id, entries } = await open("structure-refusals", p("First") + p("Second"));
    const before = await entries();
    // The typed schema refuses an unknown property of an object value; the engine, one given as JSON text.
    const refused = await callError(client, "add_element", {
      doc_id: id,
      path: "/body/children/1",
      value: { type: "paragraph", text: "x", bidi: true },
    });
    expect(refused.message).toContain("bidi");
    const unknown = await callError(client, "add_element", {
      doc_id: id,
      path: "/body/children/1",
      value: JSON.stringify({ type: "paragraph", text: "x", bidi: true }),
    });
    expect(unknown.message).toContain("value.bidi: is not a property of a paragraph value; allowed:");
    const page = await callError(client, "set_page_setup", {
      doc_id: id,
      width: "5cm",
      height: "3cm",
      margins: { top: "2cm", bottom: "2cm" },
    });
    expect(page.message).toContain("leaving -1 cm for text");
    expect(await entries()).toBe(before);
  });

  it("a tracked move is one revision, from one path to another", async () => {
    const { client, id } = await open("structure-move", p("Alpha") + p("Beta") + p("Gamma"));
    await callOk(client, "track_changes_enable", { doc_id: id, enabled: true });
    await callOk(client, "move_element", { doc_id: id, from: "/body/paragraph[0]", to: "/body/children/3" });
    const listed = await callOk(client, "revision_list", { doc_id: id });
    expect(listed.revisions).toMatchObject([{ type: "move", path: "/body/paragraph[0]", to_path: "/body/paragraph[3]" }]);
    const accepted = await callOk(client, "revision_accept", { doc_id: id, revision_id: listed.revisions[0].id });
    expect(accepted.revisions).toMatchObject([{ type: "move", to_path: "/body/paragraph[3]" }]);
    expect((await callOk(client, "revision_list", { doc_id: id })).total).toBe(0);
  });
});
