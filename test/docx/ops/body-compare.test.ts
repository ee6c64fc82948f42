import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { diffBlocks } from "../../../src/docx/ops/compare/block-diff.js";
import { buildDocx, p } from "../support/build-docx.js";

const blocks = (keys: string) => [...keys].map((k) => ({ kind: k === k.toUpperCase() ? "table" : "paragraph", key: k }));
const changes = (from: string, to: string) =>
  diffBlocks(blocks(from), blocks(to))
    .map((e) => e.change[0])
    .join("");

describe("diffBlocks", () => {
  it.each([
    ["abc", "abc", "uuu"],
    ["abc", "abxc", "uuau"],
    ["abc", "ac", "uru"],
    ["abc", "axc", "umu"], // a paragraph replaced by a paragraph at the same place is a modification
    ["abc", "aXc", "uaru"], // a paragraph replaced by a table is not
    ["abcd", "bcda", "uuum"], // "a" moved to the end
    ["", "ab", "aa"],
    ["ab", "", "rr"],
  ])("diffs %j -> %j as %j", (from, to, expected) => {
    expect(changes(from, to)).toBe(expected);
  });

  it("indexes each side, with removed blocks at their old index", () => {
    expect(diffBlocks(blocks("abc"), blocks("ac"))).toEqual([
      { change: "unchanged", from: 0, to: 0 },
      { change: "removed", from: 1 },
      { change: "unchanged", from: 2, to: 1 },
    ]);
  });
});

describe("DocxDocument.compareBody", () => {
  it("summarises what another version of the document added, removed, modified and moved", () => {
    const mine = DocxDocument.open(buildDocx({ body: p("Title", "Heading1") + p("Kept") + p("Edited here") + p("Dropped") + p("Moving") }));
    const theirs = DocxDocument.open(
      buildDocx({
        body:
          p("Moving") +
          p("Title", "Heading1") +
          p("Kept") +
          p("Edited there") +
          `<w:tbl><w:tr><w:tc>${p("New cell")}</w:tc></w:tr></w:tbl>`,
      }),
    );
    const { counts, differences } = mine.compareBody(theirs);
    expect(counts).toMatchObject({ added: 1, removed: 1, modified: 1, moved: 1 });
    expect(differences).toEqual(
      expect.arrayContaining([
        { change: "moved", kind: "paragraph", from: 4, to: 0, text: "Moving" },
        { change: "modified", kind: "paragraph", from: 2, to: 3, text: "Edited there" },
        { change: "added", kind: "table", to: 4, text: "New cell" },
        { change: "removed", kind: "paragraph", from: 3, text: "Dropped" },
      ]),
    );
  });

  it("finds nothing between a document and itself", () => {
    const bytes = buildDocx({ body: p("One") + p("Two") });
    const { counts, differences } = DocxDocument.open(bytes).compareBody(DocxDocument.open(bytes));
    expect(differences).toEqual([]);
    expect(counts.unchanged).toBe(3); // two paragraphs and the section properties
  });
});
