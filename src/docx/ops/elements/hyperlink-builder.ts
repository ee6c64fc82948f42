/** A paragraph holding a hyperlink (§17.16.22 w:hyperlink): an external URL through a relationship, or a bookmark anchor. */
import type { XmlElement } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { checkLinkTarget, linkAttributes, linkLook } from "./link-target.js";
import { paragraph, paragraphProperties, paragraphStyleId } from "./paragraph-builder.js";
import { runProperties, textContent } from "./run-builder.js";
import { isObject, type JsonObject, onlyKnown, optionalObject, optionalString } from "./value-fields.js";

const HYPERLINK_KEYS = ["type", "url", "anchor", "text", "style", "properties"];

export function buildHyperlink(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "a hyperlink value", HYPERLINK_KEYS);
  const url = optionalString(v, "url", field);
  const anchor = optionalString(v, "anchor", field);
  checkLinkTarget(url, anchor, field);
  const text = optionalString(v, "text", field) ?? url ?? anchor!;
  const rPr = isObject(v.style) ? runProperties(ctx, v.style, `${field}.style`) : linkLook(ctx);
  const pStyle = typeof v.style === "string" ? paragraphStyleId(ctx, v.style, `${field}.style`) : undefined;
  const run = wEl(ctx, "r", {}, [...(rPr ? [rPr] : []), ...textContent(ctx, text)]);
  // The relationship is made last, once everything else about the value is known to be valid.
  const attrs = linkAttributes(ctx, url, anchor);
  const props = paragraphProperties(ctx, optionalObject(v, "properties", field), `${field}.properties`, { styleId: pStyle });
  return paragraph(ctx, props, [wEl(ctx, "hyperlink", attrs, [run])]);
}
