/** Tracking turned on in a document whose main part uses another prefix (pandoc's ns0-reference.docx writes ns0:). */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DocxDocument } from "../../../src/docx/index.js";
import { buildDocx, W_NS } from "../support/build-docx.js";
import { expectValidPackage } from "../support/valid-package.js";

const MAIN = `<?xml version="1.0" encoding="UTF-8"?><ns0:document xmlns:ns0="${W_NS}"><ns0:body><ns0:p><ns0:r><ns0:t>ref</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>`;

describe("change tracking with a non-w prefix", () => {
  it("tracks text edits once turned on, though the new settings part says w: and the body ns0:", () => {
    const doc = DocxDocument.open(buildDocx({ body: "", extraParts: { "word/document.xml": MAIN } }));
    expect(doc.setTrackChanges(true)).toEqual({ was: false });
    expect(doc.tracksChanges).toBe(true);
    doc.replaceText("/body", { find: "ef", replace: "X" });
    const xml = strFromU8(unzipSync(expectValidPackage(doc))["word/document.xml"]);
    expect(xml).toContain("<ns0:del ");
    expect(xml).toContain("<ns0:ins ");
    const rejected = DocxDocument.open(expectValidPackage(doc));
    rejected.rejectRevisions();
    expect(rejected.query("/body/paragraph[0]").items![0].text).toBe("ref");
  });
});
