import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { callOk, connectMcp } from "../support/mcp-client";

const N = 20;

/** A document of `count` paragraphs opened over MCP; every call below uses its own client, so its own requests. */
async function openShared(tenant: string, paragraphs: string[]) {
  const auth = await tokenFor(tenant);
  await new R2LibraryStore(env.DOCS).write(auth.tenantId, "c.docx", buildDocx({ body: paragraphs.map((t) => p(t)).join("") }));
  const opener = await connectMcp(auth.headers);
  const { session } = await callOk(opener, "document_open", { path: "c.docx" });
  const client = () => connectMcp(auth.headers);
  const texts = async () =>
    (
      (await callOk(opener, "query", { doc_id: session.id, path: "/body/paragraph[*]", format: "json", limit: 100 })).items as {
        text: string;
      }[]
    ).map((i) => i.text);
  const history = async () => callOk(opener, "document_history", { doc_id: session.id, limit: 100 });
  return { id: session.id as string, opener, client, texts, history };
}

describe("concurrent edits over MCP", () => {
  it("lands 20 concurrent edits of different paragraphs, each exactly once, as 20 history entries", async () => {
    const doc = await openShared(
      "cc-different",
      Array.from({ length: N }, (_, i) => `Paragraph ${i}`),
    );
    const clients = await Promise.all(Array.from({ length: N }, () => doc.client()));
    const results = await Promise.all(
      clients.map((c, i) =>
        callOk(c, "insert_text", { doc_id: doc.id, path: `/body/paragraph[${i}]`, text: ` edited by ${i}`, after: `Paragraph ${i}` }),
      ),
    );
    expect(new Set(results.map((r) => r.position))).toEqual(new Set(Array.from({ length: N }, (_, i) => i + 1)));
    expect(await doc.texts()).toEqual(Array.from({ length: N }, (_, i) => `Paragraph ${i} edited by ${i}`));
    const history = await doc.history();
    expect(history).toMatchObject({ total: N, position: N });
    expect(history.entries.every((e: { tool: string }) => e.tool === "insert_text")).toBe(true);
  });

  it("lands 20 concurrent insertions into one paragraph once each, in the order they committed", async () => {
    const doc = await openShared("cc-same", ["Base"]);
    const clients = await Promise.all(Array.from({ length: N }, () => doc.client()));
    const results = await Promise.all(
      clients.map((c, i) => callOk(c, "insert_text", { doc_id: doc.id, path: "/body/paragraph[0]", text: ` [${i}]`, after: "Base" })),
    );
    const [text] = await doc.texts();
    for (let i = 0; i < N; i++) expect(text.split(` [${i}]`).length - 1).toBe(1); // each acknowledged edit exactly once
    // Each insertion goes right after "Base", so the last to commit comes first.
    const byPosition = results.map((r, i) => ({ i, position: r.position as number })).sort((a, b) => b.position - a.position);
    expect(text).toBe("Base" + byPosition.map(({ i }) => ` [${i}]`).join(""));
    expect((await doc.history()).total).toBe(N);
    await callOk(doc.opener, "document_undo", { doc_id: doc.id, steps: N });
    expect(await doc.texts()).toEqual(["Base"]);
  });

  it("applies a contested replacement once: the others find their target gone and write nothing", async () => {
    const doc = await openShared("cc-contested", ["Status: draft"]);
    const clients = await Promise.all(Array.from({ length: N }, () => doc.client()));
    const results = await Promise.all(
      clients.map((c, i) => callOk(c, "replace_text", { doc_id: doc.id, find: "draft", replace: `final-${i}` })),
    );
    const winners = results.filter((r) => r.replacements_made === 1);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.replacements_made === 0 && r.matches_found === 0)).toHaveLength(N - 1);
    const winner = results.indexOf(winners[0]);
    expect(await doc.texts()).toEqual([`Status: final-${winner}`]);
    expect((await doc.history()).total).toBe(1);
  });

  it("writes one entry for concurrent retries carrying the same request_id, and gives each the first result", async () => {
    const doc = await openShared("cc-retry", ["Hello"]);
    const clients = await Promise.all(Array.from({ length: 5 }, () => doc.client()));
    const results = await Promise.all(
      clients.map((c) =>
        callOk(c, "insert_text", { doc_id: doc.id, path: "/body/paragraph[0]", text: " world", offset: 5, request_id: "retry-1" }),
      ),
    );
    expect(new Set(results.map((r) => r.position))).toEqual(new Set([1]));
    expect(await doc.texts()).toEqual(["Hello world"]);
    expect((await doc.history()).total).toBe(1);
  });
});
