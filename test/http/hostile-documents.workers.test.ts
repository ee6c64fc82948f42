import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/docx/index";
import { R2LibraryStore } from "../../src/storage/r2/library-store";
import { buildDocx, p } from "../docx/support/build-docx";
import { prose, withDeclaredSizes } from "../docx/support/large-docx";
import { tokenFor } from "../support/access-tokens";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const MB = 1024 * 1024;

// The hostile documents, sent by one tenant while another tenant's calls are timed: each hostile request must
// end in a clear refusal, and the neighbour's calls must complete with correct answers. Latencies are printed only.
describe("hostile documents do not hold up another tenant", () => {
  it("refuses a zip bomb, a document too large to hold and a million-match replace while a neighbour queries", async () => {
    const neighbour = await tokenFor("calm-docs");
    await new R2LibraryStore(env.DOCS).write(neighbour.tenantId, "calm.docx", buildDocx({ body: p("Neighbour title") + p("Body") }));
    const calm = await connectMcp(neighbour.headers);
    const calmId = (await callOk(calm, "document_open", { path: "calm.docx" })).session.id as string;

    const attacker = await tokenFor("noisy-docs");
    const library = new R2LibraryStore(env.DOCS);
    // Under the ratio limit per entry, but declaring 262 MB of XML (the measured 142:1 document).
    const bomb = withDeclaredSizes(buildDocx({ body: prose(2 * MB) }), { "word/document.xml": 262 * MB });
    // A main part past what an isolate can hold open, written to the library directly (an upload would refuse it).
    const huge = withDeclaredSizes(buildDocx({ body: prose(MB) }), { "word/document.xml": DEFAULT_LIMITS.maxMainPartBytes + MB });
    await library.write(attacker.tenantId, "huge.docx", huge);
    // 10,000 paragraphs of 100 words each starting with "a" (the rest varied, so it compresses like text): a million matches.
    const words = (i: number) => Array.from({ length: 100 }, (_, j) => `a${((i * 100 + j) * 7919).toString(36)}`).join(" ");
    const matches = buildDocx({ body: Array.from({ length: 10_000 }, (_, i) => p(words(i))).join("") });
    await library.write(attacker.tenantId, "matches.docx", matches);
    const noisy = await connectMcp(attacker.headers);
    const matchesId = (await callOk(noisy, "document_open", { path: "matches.docx" })).session.id as string;

    const timedHostile = async <T>(what: string, run: () => Promise<T>) => {
      const started = performance.now();
      const result = await run();
      return { what, ms: performance.now() - started, result };
    };
    const hostile = Promise.all([
      timedHostile("zip bomb upload", () =>
        workerFetch("/api/files/bomb.docx", {
          method: "PUT",
          body: bomb,
          headers: { ...attacker.headers, "Content-Type": DOCX_TYPE, "Content-Length": String(bomb.length) },
        }),
      ),
      timedHostile("open of a too-large document", () => callError(noisy, "document_open", { path: "huge.docx" })),
      timedHostile("replace of a million matches", () =>
        callError(noisy, "replace_text", { doc_id: matchesId, find: "a", replace: "b", max_count: 1_000_000 }),
      ),
    ]);

    const latencies: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const result = await callOk(calm, "query", { doc_id: calmId, path: "/body/paragraph[0]", format: "json" });
      latencies.push(performance.now() - started);
      expect(result.items[0].text).toBe("Neighbour title");
    }
    const [upload, open, replace] = await hostile;
    console.log(
      `neighbour query latencies (ms): ${latencies.map((t) => t.toFixed(0)).join(", ")}; ` +
        [upload, open, replace].map((h) => `${h.what}: ${h.ms.toFixed(0)} ms`).join("; "),
    );

    expect(upload.result.status).toBe(422);
    expect(((await upload.result.json()) as { message: string }).message).toMatch(/expands to \d+ bytes; at most \d+ are accepted/);
    expect(open.result).toMatchObject({ kind: "file_too_large" });
    expect(open.result.message).toMatch(/uncompressed; at most 32\.0 MB can be opened/);
    expect(replace.result).toMatchObject({ kind: "invalid_argument" });
    expect(replace.result.message).toMatch(/^This would replace (\d+) matches; one call replaces at most 10000/);
    expect(Number(/replace (\d+) matches/.exec(replace.result.message)![1])).toBeGreaterThanOrEqual(1_000_000);
    // Nothing the attacker sent was stored or changed.
    expect(await library.head(attacker.tenantId, "bomb.docx")).toBeNull();
    const history = await callOk(noisy, "document_history", { doc_id: matchesId });
    expect(history.total).toBe(0);
  });
});
