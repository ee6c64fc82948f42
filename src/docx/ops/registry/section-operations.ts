/** Section operations (§17.6): page size, orientation and margins; a section's header or footer text. */

import { describe as describeValue, isObject } from "../elements/value-fields.js";
import { ALIGNMENTS, HEADER_FOOTER_TYPES, type HeaderFooterKind, MARGIN_NAMES, setHeaderFooter, setPageSetup } from "../sections/index.js";
import { operationKind } from "./operation.js";
import { field, optional } from "./operation-fields.js";

type Length = string | number;

export const setPageSetupKind = operationKind({
  fields: {
    section_index: optional(field.integer(), "0-based; omit for every section."),
    page_size: optional(field.string(20, 0), "A3, A4, A5, Letter, Legal or Tabloid."),
    width: optional(field.length()),
    height: optional(field.length()),
    orientation: optional(field.oneOf(["portrait", "landscape"])),
    margins: optional(field.lengths(MARGIN_NAMES)),
  },
  parse: (i) => {
    const length = (key: string): Length | undefined => {
      if (!i.has(key)) return undefined;
      const v = i.fields[key];
      if (typeof v === "string" || typeof v === "number") return v;
      throw i.invalid(key, `must be a length like "2.5cm", "1in", "72pt" or a number of twips, got ${describeValue(v)}.`);
    };
    let margins: Partial<Record<(typeof MARGIN_NAMES)[number], Length>> | undefined;
    if (i.has("margins")) {
      const m = i.fields.margins;
      if (!isObject(m)) throw i.invalid("margins", `must be an object of lengths by side (${MARGIN_NAMES.join(", ")}).`);
      margins = m as typeof margins;
    }
    return {
      section: i.optionalInteger("section_index"),
      change: {
        size: i.optionalString("page_size"),
        width: length("width"),
        height: length("height"),
        orientation: i.oneOf("orientation", ["portrait", "landscape"] as const),
        margins,
      },
    };
  },
  run: (doc, i) => ({ sections: setPageSetup(doc, i.section, i.change) }),
  describe: (i) =>
    `page setup of ${i.section === undefined ? "every section" : `section ${i.section}`}${i.change.size ? `: ${i.change.size}` : ""}${i.change.orientation ? ` ${i.change.orientation}` : ""}${i.change.margins ? ", margins" : ""}`,
  where: (i) => (i.section === undefined ? "/body/section[*]" : `/body/section[${i.section}]`),
});

const headerFooter = (kind: HeaderFooterKind) =>
  operationKind({
    fields: {
      text: field.string(10_000, 0),
      type: optional(field.oneOf(HEADER_FOOTER_TYPES), "default: every page."),
      section_index: optional(field.integer(), "0-based; default 0."),
      alignment: optional(field.oneOf(ALIGNMENTS)),
    },
    parse: (i) => ({
      kind,
      text: i.string("text", { allowEmpty: true }),
      type: i.oneOf("type", HEADER_FOOTER_TYPES) ?? "default",
      section: i.optionalInteger("section_index") ?? 0,
      alignment: i.oneOf("alignment", ALIGNMENTS),
    }),
    run: (doc, { text, ...edit }) => setHeaderFooter(doc, { ...edit, lines: text.split(/\r?\n/) }),
    describe: (i, r) => `${i.type} ${kind} of section ${i.section}${r.created ? " (new)" : ""}: ${i.text.slice(0, 60)}`,
    where: (i) => `/${kind}[type=${i.type}] of section ${i.section}`,
  });

export const setHeader = headerFooter("header");
export const setFooter = headerFooter("footer");
