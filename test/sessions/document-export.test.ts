import { describe, expect, it } from "vitest";
import { DocumentSessions, SessionError } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { buildDocx, p } from "../docx/support/build-docx";

async function setup(paragraphs: number) {
  const library = new MemoryLibraryStore();
  const sessions = new DocumentSessions({
    tenantId: "t",
    library,
    store: new MemorySessionStore(),
    index: new MemorySessionIndex(),
    newSessionId: () => "s1",
    now: () => new Date("2026-12-07T10:11:12.345Z"),
  });
  await library.write("t", "Q3/report.docx", buildDocx({ body: Array.from({ length: paragraphs }, (_, i) => p(`Line ${i}`)).join("") }));
  await sessions.open("Q3/report.docx");
  return { library, sessions };
}

describe("DocumentSessions.export", () => {
  it("returns text up to the inline limit and writes nothing", async () => {
    const { library, sessions } = await setup(3);
    expect(await sessions.export("s1", "markdown")).toEqual({ format: "markdown", bytes: 23, text: "Line 0\n\nLine 1\n\nLine 2\n" });
    expect((await library.list("t")).files.map((f) => f.name)).toEqual(["Q3/report.docx"]);
  });

  it("writes an export over the limit to exports/<name>-<position>-<time>.<ext> with its content type", async () => {
    const { library, sessions } = await setup(3);
    const outcome = await sessions.export("s1", "html", { inlineLimit: 100 });
    const name = "exports/report-0-20261207T101112Z.html";
    expect(outcome.file).toMatchObject({ name, contentType: "text/html; charset=utf-8", size: outcome.bytes });
    const stored = new TextDecoder().decode((await library.read("t", name))!);
    expect(stored).toContain("<p>Line 2</p>");
    expect(new TextEncoder().encode(stored).length).toBe(outcome.bytes);
  });

  it("writes docx exports and exports given a name to the library", async () => {
    const { library, sessions } = await setup(1);
    expect((await sessions.export("s1", "docx")).file?.name).toBe("exports/report-0-20261207T101112Z.docx");
    expect((await sessions.export("s1", "markdown", { outputName: "notes/r.md" })).file?.name).toBe("notes/r.md");
    expect(new TextDecoder().decode((await library.read("t", "notes/r.md"))!)).toBe("Line 0\n");
  });

  it("refuses to write for a caller that may not, and refuses bad names", async () => {
    const { sessions } = await setup(3);
    await expect(sessions.export("s1", "markdown", { inlineLimit: 10, allowFile: false })).rejects.toMatchObject({
      failure: { kind: "forbidden", scope: "write" },
    });
    await expect(sessions.export("s1", "html", { outputName: "../x.html" })).rejects.toBeInstanceOf(SessionError);
  });

  it("never replaces a file silently: two default exports get two names, an existing output_path needs overwrite", async () => {
    const { library, sessions } = await setup(1);
    const first = await sessions.export("s1", "docx");
    const second = await sessions.export("s1", "docx");
    expect(second.file?.name).toBe("exports/report-0-20261207T101112Z-2.docx");
    expect(first.file?.name).not.toBe(second.file?.name);
    await library.write("t", "notes/r.md", new TextEncoder().encode("mine"));
    await expect(sessions.export("s1", "markdown", { outputName: "notes/r.md" })).rejects.toMatchObject({
      failure: { kind: "file_exists", name: "notes/r.md" },
    });
    expect(new TextDecoder().decode((await library.read("t", "notes/r.md"))!)).toBe("mine");
    await sessions.export("s1", "markdown", { outputName: "notes/r.md", overwrite: true });
    expect(new TextDecoder().decode((await library.read("t", "notes/r.md"))!)).toBe("Line 0\n");
  });

  it("refuses an output_path whose extension is not the format's, so a markdown export never lands on a .docx", async () => {
    const { library, sessions } = await setup(1);
    const error = await sessions.export("s1", "markdown", { outputName: "Q3/report.docx", overwrite: true }).catch((e) => e);
    expect(error.failure).toMatchObject({ kind: "invalid_argument", field: "output_path" });
    expect(error.message).toContain(".md");
    expect((await library.list("t")).files.map((f) => f.name)).toEqual(["Q3/report.docx"]);
  });
});
