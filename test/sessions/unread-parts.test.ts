import { describe, expect, it } from "vitest";
import { DocxDocument, DocxError } from "../../src/docx/index";
import { binaryParts, withParts } from "../../src/sessions/unread-parts";
import { buildDocx, p } from "../docx/support/build-docx";
import { countingSource } from "../docx/support/byte-source";
import { noise } from "../docx/support/docx-with-media";

const file = buildDocx({
  body: p("Pictures"),
  extraParts: { "word/media/a.png": noise(50_000, 1), "word/media/b.png": noise(50_000, 2), "word/media/c.png": noise(50_000, 3) },
});
const opened = () => DocxDocument.openFrom(countingSource(file));

describe("withParts", () => {
  it("reads the part each run missed and runs again, reading no other part", async () => {
    const doc = await opened();
    let runs = 0;
    let resets = 0;
    const sizes = await withParts(
      doc,
      () => {
        runs++;
        return ["word/media/a.png", "word/media/b.png"].map((name) => doc.model.pkg.readBytes(name).length);
      },
      () => resets++,
    );
    expect(sizes).toEqual([50_000, 50_000]);
    expect([runs, resets]).toEqual([3, 2]);
    expect(doc.model.pkg.unreadParts()).toEqual(["word/media/c.png"]);
  });

  it("reads every part one miss names before the single rerun, and runs async work", async () => {
    const doc = await opened();
    const wanted = ["word/media/a.png", "word/media/c.png"];
    let runs = 0;
    const sizes = await withParts(doc, async () => {
      runs++;
      const unread = wanted.filter((name) => !doc.model.pkg.isRead(name));
      if (unread.length > 0) throw new DocxError({ kind: "part_not_loaded", part: unread[0], parts: unread, message: "not read" });
      return wanted.map((name) => doc.model.pkg.readBytes(name).length);
    });
    expect(sizes).toEqual([50_000, 50_000]);
    expect(runs).toBe(2);
    expect(doc.model.pkg.unreadParts()).toEqual(["word/media/b.png"]);
  });

  it("passes on a miss naming only parts it already read (another document's parts)", async () => {
    const doc = await opened();
    let runs = 0;
    const failure = await withParts(doc, () => {
      runs++;
      throw new DocxError({ kind: "part_not_loaded", part: "word/media/elsewhere.png", message: "not read" });
    }).catch((e: DocxError) => e.failure);
    expect(failure).toMatchObject({ kind: "part_not_loaded", part: "word/media/elsewhere.png" });
    expect(runs).toBe(2);
    expect(doc.model.pkg.unreadParts()).toHaveLength(3);
  });

  it("passes other failures through without running again", async () => {
    const doc = await opened();
    let runs = 0;
    await expect(
      withParts(doc, () => {
        runs++;
        throw new Error("not about parts");
      }),
    ).rejects.toThrow("not about parts");
    expect(runs).toBe(1);
    expect(doc.model.pkg.unreadParts()).toHaveLength(3);
  });

  it("names the binary parts a change rewrites, and only those", () => {
    expect(
      binaryParts({
        stories: [],
        parts: [
          { part: "word/media/a.png", kind: "binary", before: "AA==", after: null },
          { part: "word/styles.xml", kind: "text", at: 0, removed: "", inserted: "x" },
        ],
      }),
    ).toEqual(["word/media/a.png"]);
  });
});
