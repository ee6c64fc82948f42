/** Builds the XML for a JSON element value (`{"type": "paragraph", ...}`), the shape docx-mcp's add/replace take. */
import type { XmlElement } from "../../xml/index.js";
import type { BuildContext } from "./build-context.js";
import { buildHyperlink } from "./hyperlink-builder.js";
import { buildImage } from "./image-builder.js";
import { buildList } from "./list-builder.js";
import { buildHeading, buildPageBreak, buildParagraph, buildSectionBreak } from "./paragraph-builder.js";
import { buildCell, buildRow, buildTable } from "./table-builder.js";
import { invalid, type JsonObject, objectAt, onlyKnown, optionalString } from "./value-fields.js";

/** Where built elements may go: story blocks (body, cells, notes), table rows, or row cells. */
export type ElementSlot = "block" | "row" | "cell";

export interface BuiltElements {
  type: string;
  slot: ElementSlot;
  elements: XmlElement[];
}

type Builder = (ctx: BuildContext, v: JsonObject, field: string) => XmlElement | XmlElement[];

const BUILDERS: Record<string, { slot: ElementSlot; build: Builder }> = {
  paragraph: { slot: "block", build: buildParagraph },
  heading: { slot: "block", build: buildHeading },
  table: { slot: "block", build: buildTable },
  list: { slot: "block", build: buildList },
  image: { slot: "block", build: buildImage },
  hyperlink: { slot: "block", build: buildHyperlink },
  page_break: {
    slot: "block",
    build: (ctx, v, f) => {
      onlyKnown(v, f, "a page_break value", ["type"]);
      return buildPageBreak(ctx);
    },
  },
  section_break: { slot: "block", build: (ctx, v, f) => buildSectionBreak(ctx, v, f, ctx.sectionProperties) },
  row: { slot: "row", build: buildRow },
  cell: { slot: "cell", build: (ctx, v, f) => buildCell(ctx, v, f) },
};

/** Every value type add_element takes; a footnote is anchored in a paragraph (see footnote.ts), not built here. */
export const ELEMENT_TYPES = [...Object.keys(BUILDERS), "footnote"];

/** Validates `value` and builds its elements; nothing in the document changes unless the builder adds a part. */
export function buildElements(ctx: BuildContext, value: unknown, field = "value"): BuiltElements {
  const v = objectAt(value, field);
  const type = optionalString(v, "type", field);
  if (!type) throw invalid(`${field}.type`, `is required; one of ${ELEMENT_TYPES.join(", ")}.`);
  const entry = BUILDERS[type.toLowerCase()];
  if (type.toLowerCase() === "footnote")
    throw invalid(
      `${field}.type`,
      'a footnote is added with add_element at the path of the paragraph it belongs to, e.g. {"op":"add","path":"/body/paragraph[2]","value":{"type":"footnote","text":"Source: ..."}}.',
    );
  if (!entry) throw invalid(`${field}.type`, `"${type}" is not an element type; use one of ${ELEMENT_TYPES.join(", ")}.`);
  const built = entry.build(ctx, v, field);
  return { type: type.toLowerCase(), slot: entry.slot, elements: Array.isArray(built) ? built : [built] };
}
