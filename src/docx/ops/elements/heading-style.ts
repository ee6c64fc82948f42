/** The paragraph style a heading of level N uses (§17.7.4.17 w:style), created in styles.xml when the document has none. */
import { element, type XmlElement } from "../../xml/index.js";
import { relatedPart } from "../related-part.js";
import type { BuildContext } from "./build-context.js";

/** Half-point sizes Word's built-in headings use, level 1 first. */
const SIZES = [32, 26, 24, 22, 22, 22, 22, 22, 22];

/** HeadingN if defined, else any paragraph style that is a level-N heading, else a new HeadingN style. */
export function headingStyleId(ctx: BuildContext, level: number): string {
  const styles = ctx.doc.styles;
  const direct = styles.get(`Heading${level}`);
  if (direct && direct.type === "paragraph") return direct.styleId;
  const found = styles.all().find((s) => s.type === "paragraph" && styles.headingLevel(s.styleId) === level);
  if (found) return found.styleId;
  return createHeadingStyle(ctx, level);
}

function createHeadingStyle(ctx: BuildContext, level: number): string {
  const id = `Heading${level}`;
  const normal = ctx.doc.styles.defaultParagraphStyle()?.styleId;
  const { name, root, w } = relatedPart(ctx.doc, "styles", "styles");
  const el = (local: string, attrs: Record<string, string> = {}, children: XmlElement[] = []) =>
    element(
      w + local,
      Object.entries(attrs).map(([k, v]) => ({ name: w + k, value: v })),
      children,
    );
  // Children in CT_Style order: name, basedOn, next, uiPriority, qFormat, pPr, rPr.
  const style = el("style", { type: "paragraph", styleId: id }, [
    el("name", { val: `heading ${level}` }),
    ...(normal ? [el("basedOn", { val: normal }), el("next", { val: normal })] : []),
    el("uiPriority", { val: "9" }),
    el("qFormat"),
    el("pPr", {}, [
      el("keepNext"),
      el("keepLines"),
      el("spacing", { before: "240", after: "60" }),
      el("outlineLvl", { val: String(level - 1) }),
    ]),
    el("rPr", {}, [el("b"), el("bCs"), el("sz", { val: String(SIZES[level - 1]) }), el("szCs", { val: String(SIZES[level - 1]) })]),
  ]);
  root.children.push(style);
  root.selfClosing = false;
  ctx.doc.parts.changed(name);
  return id;
}
