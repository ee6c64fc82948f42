import { DocxError } from "../../../src/docx/index.js";

/** Runs `run`, which must throw a DocxError, and returns its failure data. */
export function docxFailure(run: () => unknown): DocxError["failure"] {
  try {
    run();
  } catch (e) {
    if (e instanceof DocxError) return e.failure;
    throw e;
  }
  throw new Error("expected a DocxError");
}
