import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, openInLibrary, testLibrary, trackingDocx } from "../support/mcp-memory";

const r = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** Puts a document in a fresh tenant's library and opens it over MCP. */
async function open(tenant: string, body: string, links?: Record<string, string>) {
  const { client, id } = await openInLibrary(tenant, "t.docx", buildDocx({ body, links }));
  const text = async (path: string) => (await callOk(client, "query", { doc_id: id, path, format: "json" })).items[0].text as string;
  const runs = async (path: string) =>
    (await callOk(client, "query", { doc_id: id, path: `${path}/run[*]`, format: "json" })).items as { text: string }[];
  return { client, id, text, runs };
}

describe("replace_text", () => {
  it("replaces across runs with the first character's formatting and reports the changed paragraph", async () => {
    const { client, id, text, runs } = await open(
      "tt-runs",
      `<w:p>${r("The quick ", "<w:b/>")}${r("brown fox", "<w:i/>")}${r(" jumps")}</w:p>`,
    );
    const result = await callOk(client, "replace_text", { doc_id: id, find: "quick brown", replace: "slow red" });
    expect(result).toMatchObject({ matches_found: 1, replacements_made: 1, position: 1, paragraphs: [{ path: "/body/paragraph[0]" }] });
    expect(await text("/body/paragraph[0]")).toBe("The slow red fox jumps");
    expect((await runs("/body/paragraph[0]")).map((x) => x.text)).toEqual(["The ", "slow red", " fox", " jumps"]);
  });

  it("replaces inside a hyperlink, honours max_count and match_case, and dry_run changes nothing", async () => {
    const body = `<w:p>${r("Go ")}<w:hyperlink r:id="rIdL">${r("Home page")}</w:hyperlink></w:p>` + p("home HOME home");
    const { client, id, text } = await open("tt-options", body, { rIdL: "https://example.com" });
    const dry = await callOk(client, "replace_text", {
      doc_id: id,
      find: "home",
      replace: "start",
      max_count: 10,
      match_case: false,
      dry_run: true,
    });
    expect(dry).toMatchObject({ dry_run: true, matches_found: 4, replacements_made: 4, position: 0 });
    expect(await text("/body/paragraph[1]")).toBe("home HOME home");
    const some = await callOk(client, "replace_text", { doc_id: id, find: "home", replace: "start", max_count: 2, match_case: false });
    expect(some).toMatchObject({ matches_found: 4, replacements_made: 2 });
    expect([await text("/body/paragraph[0]"), await text("/body/paragraph[1]")]).toEqual(["Go start page", "start HOME home"]);
    expect((await callOk(client, "query", { doc_id: id, path: "/body/paragraph[0]/hyperlink[0]", format: "json" })).items[0].text).toBe(
      "start page",
    );
  });

  it("says clearly when nothing matched, and writes no history entry", async () => {
    const { client, id } = await open("tt-none", p("Nothing to see"));
    const result = await client.callTool({ name: "replace_text", arguments: { doc_id: id, find: "absent", replace: "x" } });
    expect((result.content as { text: string }[])[0].text).toContain('No match for "absent"');
    expect(result.structuredContent).toMatchObject({ matches_found: 0, replacements_made: 0, position: 0 });
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });

  it("fails on a bad path with the path's facts and changes nothing", async () => {
    const { client, id, text } = await open("tt-badpath", p("one") + p("two"));
    const error = await callError(client, "replace_text", { doc_id: id, path: "/body/paragraph[7]", find: "o", replace: "0" });
    expect(error).toMatchObject({ kind: "path_not_found", message: expect.stringContaining("2 paragraphs") });
    expect(await text("/body/paragraph[0]")).toBe("one");
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });

  it("returns the first result again for a retried request_id", async () => {
    const { client, id, text } = await open("tt-retry", p("a a a"));
    const first = await callOk(client, "replace_text", { doc_id: id, find: "a", replace: "b", request_id: "req-1" });
    const again = await callOk(client, "replace_text", { doc_id: id, find: "a", replace: "b", request_id: "req-1" });
    expect(again).toMatchObject({ position: first.position, replacements_made: 1 });
    expect(await text("/body/paragraph[0]")).toBe("b a a");
  });
});

describe("insert_text", () => {
  it("inserts at an offset and after a match, in the neighbouring formatting", async () => {
    const { client, id, text, runs } = await open("tt-insert", `<w:p>${r("Hello ", "<w:b/>")}${r("world", "<w:i/>")}</w:p>`);
    expect(await callOk(client, "insert_text", { doc_id: id, path: "/body/paragraph[0]", text: "big ", offset: 6 })).toMatchObject({
      offset: 6,
      text: "Hello big world",
      position: 1,
    });
    expect(await callOk(client, "insert_text", { doc_id: id, path: "/body/paragraph[0]", text: "!", after: "world" })).toMatchObject({
      offset: 15,
      text: "Hello big world!",
    });
    expect(await text("/body/paragraph[0]")).toBe("Hello big world!");
    expect((await runs("/body/paragraph[0]")).map((x) => x.text)).toEqual(["Hello ", "big ", "world", "!"]);
  });

  it("rejects a match that is not there without changing anything", async () => {
    const { client, id } = await open("tt-insert-bad", p("Hello"));
    const error = await callError(client, "insert_text", { doc_id: id, path: "/body/paragraph[0]", text: "x", after: "bye" });
    expect(error).toMatchObject({ kind: "invalid_argument", field: "after" });
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });
});

describe("text tools on a document that tracks changes", () => {
  it("writes replace_text as a tracked deletion and insertion by the calling account", async () => {
    const { client, id, tenantId } = await openInLibrary("tt-tracked", "tracked.docx", trackingDocx({ body: p("Pay ten dollars.") }));
    await callOk(client, "replace_text", { doc_id: id, find: "ten", replace: "twenty" });
    await callOk(client, "comment_add", { doc_id: id, path: "/body/paragraph[0]", text: "who am I" });
    const author = (await callOk(client, "comment_list", { doc_id: id })).comments[0].author as string;
    await callOk(client, "document_save", { doc_id: id });
    const xml = strFromU8(unzipSync((await testLibrary.read(tenantId, "tracked.docx"))!)["word/document.xml"]);
    const revision = (tag: string) => new RegExp(`<w:${tag} w:id="\\d+" w:author="([^"]*)" w:date="[^"]+">`).exec(xml)?.[1];
    expect(xml).toContain('<w:delText xml:space="preserve">ten</w:delText>');
    expect(xml).toContain('<w:t xml:space="preserve">twenty</w:t>');
    expect([revision("del"), revision("ins")]).toEqual([author, author]);
  });
});
