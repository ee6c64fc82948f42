/** Asserts the shared package invariants on a document's saved bytes, so every edit test also checks nothing broke around it. */
import { expect } from "vitest";
import type { DocxDocument } from "../../../src/docx/index.js";
import { checkPackage } from "../../../src/docx/invariants/index.js";

export function expectValidPackage(doc: DocxDocument): Uint8Array {
  const bytes = doc.save();
  expect(checkPackage(bytes)).toEqual([]);
  return bytes;
}
