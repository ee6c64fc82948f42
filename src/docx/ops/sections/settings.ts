/** On/off document settings in settings.xml (§17.15.1), created with the part when the package has none. */
import type { WordDocument } from "../../model/index.js";
import { childElements, element, localName } from "../../xml/index.js";

const NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";

/** CT_Settings children that come after w:evenAndOddHeaders, so the new element goes before the first of them. */
const AFTER_EVEN_AND_ODD = new Set([
  "bookFoldRevPrinting", "bookFold", "bookFoldPrinting", "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
  "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
  "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
  "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
  "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
  "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
  "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
  "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
]);

/** Turns on w:evenAndOddHeaders (the only setting placed so far); returns whether settings.xml changed. */
export function ensureSetting(doc: WordDocument, local: "evenAndOddHeaders"): boolean {
  let name = doc.relatedPartName("settings");
  if (!name) {
    const dir = doc.mainPart.includes("/") ? doc.mainPart.slice(0, doc.mainPart.lastIndexOf("/") + 1) : "";
    name = `${dir}settings.xml`;
    doc.parts.write(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="${NS_W}"/>`);
    doc.ensureContentType(name, CONTENT_TYPE);
    doc.addRelationship(doc.mainPart, "settings", "settings.xml");
  }
  const root = doc.parts.xml(name).doc.root;
  const w = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
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
