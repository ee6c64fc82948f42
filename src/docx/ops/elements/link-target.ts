/** Where a hyperlink (§17.16.22 w:hyperlink) points: an external URL through a relationship, or a bookmark anchor. */
import type { XmlElement } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { invalid } from "./value-fields.js";

const SCHEME = /^(https?|mailto|ftp|file|tel):/i;

/** Checks `url` / `anchor` (exactly one); `field` names the value that holds them. */
export function checkLinkTarget(url: string | undefined, anchor: string | undefined, field: string): void {
  if ((url === undefined) === (anchor === undefined))
    throw invalid(field, 'a hyperlink needs exactly one of "url" (e.g. "https://example.com") or "anchor" (a bookmark name).');
  if (url !== undefined && !SCHEME.test(url))
    throw invalid(`${field}.url`, `"${url}" is not an absolute link; start it with https://, http://, mailto:, ftp:, file: or tel:.`);
  if (anchor !== undefined && !/^[^\s]{1,40}$/.test(anchor))
    throw invalid(`${field}.anchor`, "must be a bookmark name (no spaces, at most 40 characters).");
}

/** The w:hyperlink attributes for a checked target; an external URL gets its relationship from the part here. */
export function linkAttributes(ctx: BuildContext, url: string | undefined, anchor: string | undefined): Record<string, string | undefined> {
  return url !== undefined
    ? { [ctx.prefixes.r + "id"]: ctx.doc.addRelationship(ctx.part, "hyperlink", url, { external: true }), history: "1" }
    : { anchor, history: "1" };
}

/** The document's Hyperlink character style when it has one, else blue underlined text. */
export function linkLook(ctx: BuildContext): XmlElement {
  const style = ctx.doc.styles.get("Hyperlink");
  if (style?.type === "character") return wEl(ctx, "rPr", {}, [wEl(ctx, "rStyle", { val: "Hyperlink" })]);
  return wEl(ctx, "rPr", {}, [wEl(ctx, "color", { val: "0563C1" }), wEl(ctx, "u", { val: "single" })]);
}
