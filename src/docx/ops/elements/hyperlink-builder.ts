/** A paragraph holding a hyperlink (§17.16.22 w:hyperlink): an external URL through a relationship, or a bookmark anchor. */
import type { XmlElement } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { paragraph, paragraphProperties, paragraphStyleId } from "./paragraph-builder.js";
import { runProperties, textContent } from "./run-builder.js";
import { invalid, isObject, type JsonObject, optionalObject, optionalString } from "./value-fields.js";

const SCHEME = /^(https?|mailto|ftp|file|tel):/i;

export function buildHyperlink(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  const url = optionalString(v, "url", field);
  const anchor = optionalString(v, "anchor", field);
  if ((url === undefined) === (anchor === undefined))
    throw invalid(field, 'a hyperlink needs exactly one of "url" (e.g. "https://example.com") or "anchor" (a bookmark name).');
  if (url !== undefined && !SCHEME.test(url))
    throw invalid(`${field}.url`, `"${url}" is not an absolute link; start it with https://, http://, mailto:, ftp:, file: or tel:.`);
  if (anchor !== undefined && !/^[^\s]{1,40}$/.test(anchor))
    throw invalid(`${field}.anchor`, "must be a bookmark name (no spaces, at most 40 characters).");
  const text = optionalString(v, "text", field) ?? url ?? anchor!;
  const rPr = isObject(v.style) ? runProperties(ctx, v.style, `${field}.style`) : linkLook(ctx);
  const pStyle = typeof v.style === "string" ? paragraphStyleId(ctx, v.style, `${field}.style`) : undefined;
  const run = wEl(ctx, "r", {}, [...(rPr ? [rPr] : []), ...textContent(ctx, text)]);
  // The relationship is made last, once everything else about the value is known to be valid.
  const attrs =
    url !== undefined
      ? { [ctx.prefixes.r + "id"]: ctx.doc.addRelationship(ctx.part, "hyperlink", url, { external: true }), history: "1" }
      : { anchor, history: "1" };
  const props = paragraphProperties(ctx, optionalObject(v, "properties", field), `${field}.properties`, { styleId: pStyle });
  return paragraph(ctx, props, [wEl(ctx, "hyperlink", attrs, [run])]);
}

/** The document's Hyperlink character style when it has one, else blue underlined text. */
function linkLook(ctx: BuildContext): XmlElement {
  const style = ctx.doc.styles.get("Hyperlink");
  if (style?.type === "character") return wEl(ctx, "rPr", {}, [wEl(ctx, "rStyle", { val: "Hyperlink" })]);
  return wEl(ctx, "rPr", {}, [wEl(ctx, "color", { val: "0563C1" }), wEl(ctx, "u", { val: "single" })]);
}
