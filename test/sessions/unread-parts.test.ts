import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../src/docx/index";
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
  it("reads the part a run missed and runs again; a second miss reads every unread part", async () => {
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
    expect(doc.model.pkg.unreadParts()).toEqual([]);
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
