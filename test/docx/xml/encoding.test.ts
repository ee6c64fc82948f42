import { describe, expect, it } from "vitest";
import { decodePart, encodePart } from "../../../src/docx/xml/index.js";

describe("part encodings", () => {
  const text = '<?xml version="1.0" encoding="UTF-16"?><a>é ✓ 𝄞</a>';

  for (const encoding of ["utf-8", "utf-8-bom", "utf-16le", "utf-16be"] as const) {
    it(`round-trips ${encoding} with its byte-order mark`, () => {
      const bytes = encodePart(text, encoding);
      expect(decodePart(bytes)).toEqual({ text, encoding });
      expect(Buffer.from(encodePart(decodePart(bytes).text, encoding)).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  it("decodes long UTF-16 parts in pieces without losing characters", () => {
    const long = "ab✓".repeat(20_000);
    expect(decodePart(encodePart(long, "utf-16be")).text).toBe(long);
  });
});
