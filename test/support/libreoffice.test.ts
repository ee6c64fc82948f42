import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx.js";
import { expectOpensInLibreOffice, LIBREOFFICE_TIMEOUT_MS, sofficeAvailable } from "./libreoffice.js";

// Runs only where LibreOffice is installed (CI installs it); see test/support/libreoffice.ts.
describe("expectOpensInLibreOffice", () => {
  it.runIf(sofficeAvailable())(
    "converts a document and returns its text",
    () => {
      const result = expectOpensInLibreOffice(buildDocx({ body: p("Hello from the fixture") }), "hello.docx");
      expect(result.pdfBytes).toBeGreaterThan(0);
      if (result.text !== null) expect(result.text).toContain("Hello from the fixture");
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it.runIf(sofficeAvailable())(
    "fails the test when LibreOffice cannot load the file",
    () => {
      expect(() => expectOpensInLibreOffice(strToU8("this is not a zip"), "broken.docx")).toThrow(/could not convert broken.docx/);
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
