/**
 * Turns change tracking on or off: w:trackRevisions in the document settings (§17.15.1.90). Word then records later
 * edits as revisions; so do our edits (see ../tracking.ts). Adds a settings part when the document has none.
 */
import type { WordDocument } from "../../model/index.js";
import { childElements, element } from "../../xml/index.js";
import { relatedPart } from "../related-part.js";
import { isTracking } from "../tracking.js";

/** CT_Settings children that come before w:trackRevisions (§17.15.1.78), so the flag goes after the last present. */
const BEFORE = [
  "writeProtection",
  "view",
  "zoom",
  "removePersonalInformation",
  "removeDateAndTime",
  "doNotDisplayPageBoundaries",
  "displayBackgroundShape",
  "printPostScriptOverText",
  "printFractionalCharacterWidth",
  "printFormsData",
  "embedTrueTypeFonts",
  "embedSystemFonts",
  "saveSubsetFonts",
  "saveFormsData",
  "mirrorMargins",
  "alignBordersAndEdges",
  "bordersDoNotSurroundHeader",
  "bordersDoNotSurroundFooter",
  "gutterAtTop",
  "hideSpellingErrors",
  "hideGrammaticalErrors",
  "activeWritingStyle",
  "proofState",
  "formsDesign",
  "attachedTemplate",
  "linkStyles",
  "stylePaneFormatFilter",
  "stylePaneSortMethod",
  "documentType",
  "mailMerge",
  "revisionView",
];

/** Sets tracking on or off; returns whether it was on before. Changes nothing when it already is as asked. */
export function setTrackRevisions(doc: WordDocument, enabled: boolean): { was: boolean } {
  const was = isTracking(doc);
  if (was === enabled) return { was };
  // Only enabling creates the part: a document without settings does not track.
  const { name, root, w } = relatedPart(doc, "settings", "settings");
  // Every w:trackRevisions goes (one may say val="false"); enabling writes one bare flag in its schema place.
  root.children = root.children.filter((c) => !(c.type === "element" && c.name === w + "trackRevisions"));
  if (enabled) {
    const preceding = childElements(root)
      .filter((c) => BEFORE.includes(c.name.slice(w.length)))
      .pop();
    root.children.splice(preceding ? root.children.indexOf(preceding) + 1 : 0, 0, element(w + "trackRevisions"));
  }
  root.selfClosing = root.children.length === 0;
  doc.parts.changed(name);
  return { was };
}
