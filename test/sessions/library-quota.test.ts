import { describe, expect, it } from "vitest";
import { createBlankDocx } from "../../src/docx/index";
import { chunkedBody } from "../../src/sessions/chunked-body";
import { DEFAULT_LIBRARY_QUOTA_BYTES, DocumentSessions, LibraryQuota, libraryQuotaBytes } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";
import { sessionFailure } from "../support/session-failure";

const TENANT = "tenant-q";

describe("LibraryQuota", () => {
  it("writes up to the quota and refuses the byte past it, naming used and limit, writing nothing", async () => {
    const quota = new LibraryQuota(new MemoryLibraryStore(), 1000);
    await quota.write(TENANT, "a.docx", new Uint8Array(600));
    await quota.write(TENANT, "b.docx", chunkedBody([new Uint8Array(200), new Uint8Array(200)]));
    expect(await quota.usedBytes(TENANT)).toBe(1000);
    const refused = await sessionFailure(quota.write(TENANT, "c.docx", new Uint8Array(1)));
    expect(refused).toMatchObject({ kind: "quota_exceeded", quota: "library_bytes", limit: 1000, used: 1000 });
    expect(refused.message).toBe(
      'Not written: "c.docx" (1 byte) would take your library to 1001 bytes, past its 1000 bytes quota (it holds 1000 bytes now). ' +
        "Delete files you no longer need (DELETE /api/files/NAME, or the dashboard) and try again.",
    );
    expect(await quota.head(TENANT, "c.docx")).toBeNull();
    const conditional = await sessionFailure(quota.writeIf(TENANT, "c.docx", new Uint8Array(1), { absent: true }));
    expect(conditional).toMatchObject({ kind: "quota_exceeded", used: 1000 });
  });

  it("counts a file written over an existing one once, and frees what a deletion frees", async () => {
    const quota = new LibraryQuota(new MemoryLibraryStore(), 1000);
    await quota.write(TENANT, "a.docx", new Uint8Array(900));
    // Replacing a.docx with 1000 bytes leaves 1000 in the library: within the quota.
    await quota.write(TENANT, "a.docx", new Uint8Array(1000));
    expect(await quota.usedBytes(TENANT)).toBe(1000);
    await quota.remove(TENANT, "a.docx");
    await quota.write(TENANT, "b.docx", new Uint8Array(1000));
  });

  it("sums every page of a large library and counts only the caller's tenant", async () => {
    const inner = new MemoryLibraryStore();
    for (let i = 0; i < 1500; i++) await inner.write(TENANT, `f/${i}.docx`, new Uint8Array(1));
    await inner.write("someone-else", "big.docx", new Uint8Array(5000));
    const quota = new LibraryQuota(inner, 1600);
    expect(await quota.usedBytes(TENANT)).toBe(1500);
    await quota.write(TENANT, "g.docx", new Uint8Array(100));
    expect((await sessionFailure(quota.write(TENANT, "h.docx", new Uint8Array(1)))).kind).toBe("quota_exceeded");
  });

  it("reads its limit from configuration, falling back to 1 GiB", () => {
    expect(libraryQuotaBytes("5000")).toBe(5000);
    expect([libraryQuotaBytes(undefined), libraryQuotaBytes(""), libraryQuotaBytes("lots"), libraryQuotaBytes("-1")]).toEqual(
      Array(4).fill(DEFAULT_LIBRARY_QUOTA_BYTES),
    );
    expect(DEFAULT_LIBRARY_QUOTA_BYTES).toBe(1024 ** 3);
  });
});

describe("document_save and export within the library quota", () => {
  it("refuses a save and an export past the quota with nothing written and the session unchanged", async () => {
    const inner = new MemoryLibraryStore();
    const source = buildDocx({ body: p("Quarterly figures") + p("More text") });
    await inner.write(TENANT, "report.docx", source);
    const filler = new Uint8Array(5000);
    await inner.write(TENANT, "filler.bin", filler);
    // Room for the report as it is, not for a copy of it.
    const quota = new LibraryQuota(inner, source.length + filler.length + 200);
    const sessions = new DocumentSessions({
      tenantId: TENANT,
      library: quota,
      store: new MemorySessionStore(),
      index: new MemorySessionIndex(),
    });
    const { id } = await sessions.open("report.docx");
    const save = await sessionFailure(sessions.save(id, { outputName: "copy.docx" }));
    expect(save).toMatchObject({ kind: "quota_exceeded", quota: "library_bytes", limit: quota.limitBytes });
    expect(save.message).toMatch(/^Not written: "copy\.docx" \([\d.]+ KB\) would take your library to [\d.]+ KB, past its [\d.]+ KB quota/);
    const exported = await sessionFailure(sessions.export(id, "docx"));
    expect(exported).toMatchObject({ kind: "quota_exceeded", quota: "library_bytes" });
    expect((await inner.list(TENANT)).files.map((f) => f.name)).toEqual(["filler.bin", "report.docx"]);
    const record = await sessions.get(id);
    expect(record).toMatchObject({ savedPosition: 0, sourceName: "report.docx" });
    // Saving back over its own file fits: the old version's bytes are freed by the write.
    await sessions.save(id);
    expect(await quota.usedBytes(TENANT)).toBeLessThanOrEqual(quota.limitBytes);
  });

  it("leaves a new blank document's save alone when there is room", async () => {
    const quota = new LibraryQuota(new MemoryLibraryStore(), createBlankDocx().length * 3);
    const sessions = new DocumentSessions({
      tenantId: TENANT,
      library: quota,
      store: new MemorySessionStore(),
      index: new MemorySessionIndex(),
    });
    const { id } = await sessions.create({ title: "Memo" });
    const { file } = await sessions.save(id, { outputName: "memo.docx" });
    expect(file.size).toBeGreaterThan(0);
  });
});
