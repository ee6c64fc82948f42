import { describe, expect, it } from "vitest";
import { RENDERING_PAGE_BYTES, renderingPage } from "../../src/http/dashboard/document-view";

const HEAD = "<!doctype html><body>";
const END = "<section>notes</section></body>";
const block = (n: number, size: number) => `<p>${n}:${"x".repeat(size)}</p>`;

describe("renderingPage", () => {
  it("keeps a small document on one page with its head and end", () => {
    const chunks = [HEAD, block(1, 10), block(2, 10), END];
    expect(renderingPage(chunks, 1)).toEqual({ html: chunks.join(""), pages: 1 });
  });

  it("breaks between blocks once a page holds its share, each page with the head and the end", () => {
    const third = Math.floor(RENDERING_PAGE_BYTES / 3) - 20; // with its tags, three blocks fill a page
    const blocks = Array.from({ length: 7 }, (_, i) => block(i + 1, third));
    const chunks = [HEAD, ...blocks, END];
    const pages = [1, 2, 3].map((n) => renderingPage(chunks, n));
    expect(pages.map((p) => p.pages)).toEqual([3, 3, 3]);
    expect(pages.map((p) => p.html)).toEqual([
      HEAD + blocks.slice(0, 3).join("") + END,
      HEAD + blocks.slice(3, 6).join("") + END,
      HEAD + blocks[6] + END,
    ]);
  });

  it("gives a block larger than a page a page of its own, and an empty body past the last page", () => {
    const big = block(1, RENDERING_PAGE_BYTES * 2);
    const chunks = [HEAD, block(0, 5), big, block(2, 5), END];
    expect(renderingPage(chunks, 2)).toEqual({ html: HEAD + big + END, pages: 3 });
    expect(renderingPage(chunks, 9)).toEqual({ html: HEAD + END, pages: 3 });
  });
});
