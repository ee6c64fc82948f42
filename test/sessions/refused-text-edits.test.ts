/** A text edit the engine refuses (bad input of any kind) changes nothing and leaves no history entry. */
import { describe, expect, it } from "vitest";
import { type DocxDocument, DocxError } from "../../src/docx/index";
import { DocumentCache } from "../../src/sessions/document-cache";
import { DocumentSessions } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";

const TENANT = "tenant-refused";
const REFUSED: [name: string, edit: (doc: DocxDocument) => unknown][] = [
  ["offset past the end", (doc) => doc.insertText("/body/paragraph[0]", { text: "x", offset: 99_999 })],
  ["empty find", (doc) => doc.replaceText("/body", { find: "", replace: "x" })],
  ["illegal character in find", (doc) => doc.replaceText("/body", { find: "a\u0000", replace: "x" })],
  ["illegal character in replace", (doc) => doc.replaceText("/body", { find: "alpha", replace: "x\uFFFF" })],
  ["cap exceeded", (doc) => doc.replaceText("/body", { find: "a", replace: "b", maxCount: 20_000 })],
  ["path to a non-text element", (doc) => doc.replaceText("/body/paragraph[0]/run[0]", { find: "a", replace: "b" })],
];

describe("refused text edits", () => {
  it.each(REFUSED)("%s: an error naming the field, nothing changed, no history entry", async (_, edit) => {
    const library = new MemoryLibraryStore();
    const sessions = new DocumentSessions({
      tenantId: TENANT,
      library,
      store: new MemorySessionStore(),
      index: new MemorySessionIndex(),
      cache: new DocumentCache(),
    });
    await library.write(TENANT, "doc.docx", buildDocx({ body: p(`alpha ${"a ".repeat(10_001)}`) }));
    const { id } = await sessions.open("doc.docx");
    const before = await sessions.history.currentBytes(id);
    const error = await sessions.history
      .edit(id, { tool: "text_edit" }, (doc) => ({ result: edit(doc), description: "refused" }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DocxError);
    expect((error as DocxError).failure).toMatchObject({ kind: "invalid_argument", field: expect.any(String) });
    expect((await sessions.history.history(id, 0, 10)).total).toBe(0);
    expect((await sessions.history.currentBytes(id)).bytes).toEqual(before.bytes);
  });
});
