/** On/off document settings in settings.xml (§17.15.1), created with the part when the package has none. */
import type { WordDocument } from "../../model/index.js";
import { childElements, element, localName } from "../../xml/index.js";
import { relatedPart } from "../related-part.js";

/** CT_Settings children that come after w:evenAndOddHeaders, so the new element goes before the first of them. */
const AFTER_EVEN_AND_ODD = new Set([
  "bookFoldRevPrinting",
  "bookFold",
  "bookFoldPrinting",
  "bookFoldPrintingSheets",
  "drawingGridHorizontalSpacing",
  "drawingGridVerticalSpacing",
  "displayHorizontalDrawingGridEvery",
  "displayVerticalDrawingGridEvery",
  "doNotUseMarginsForDrawingGridOrigin",
  "drawingGridHorizontalOrigin",
  "drawingGridVerticalOrigin",
  "doNotShadeFormData",
  "noPunctuationKerning",
  "characterSpacingControl",
  "printTwoOnOne",
  "strictFirstAndLastChars",
  "noLineBreaksAfter",
  "noLineBreaksBefore",
  "savePreviewPicture",
  "doNotValidateAgainstSchema",
  "saveInvalidXml",
  "ignoreMixedContent",
  "alwaysShowPlaceholderText",
  "doNotDemarcateInvalidXml",
  "saveXmlDataOnly",
  "useXSLTWhenSaving",
  "saveThroughXslt",
  "showXMLTags",
  "alwaysMergeEmptyNamespace",
  "updateFields",
  "hdrShapeDefaults",
  "footnotePr",
  "endnotePr",
  "compat",
  "docVars",
  "rsids",
  "mathPr",
  "attachedSchema",
  "themeFontLang",
  "clrSchemeMapping",
  "doNotIncludeSubdocsInStats",
  "doNotAutoCompressPictures",
  "forceUpgrade",
  "captions",
  "readModeInkLockDown",
  "smartTagType",
  "schemaLibrary",
  "shapeDefaults",
  "doNotEmbedSmartTags",
  "decimalSymbol",
  "listSeparator",
]);

/** Turns on w:evenAndOddHeaders (the only setting placed so far); returns whether settings.xml changed. */
export function ensureSetting(doc: WordDocument, local: "evenAndOddHeaders"): boolean {
  const { name, root, w } = relatedPart(doc, "settings", "settings");
  const existing = childElements(root, w + local)[0];
  if (existing) {
    const val = existing.attributes.find((a) => a.name === w + "val");
    if (!val || !["0", "false", "off"].includes(val.value)) return false;
    existing.attributes = existing.attributes.filter((a) => a !== val);
  } else {
    const at = root.children.findIndex((c) => c.type === "element" && AFTER_EVEN_AND_ODD.has(localName(c.name)));
    root.children.splice(at < 0 ? root.children.length : at, 0, element(w + local));
    root.selfClosing = false;
  }
  doc.parts.changed(name);
  return true;
}
