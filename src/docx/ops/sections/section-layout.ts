/**
 * What each section shows (§17.10.5): its page setup, and for each header/footer type the part it uses. A section
 * without its own reference of a type inherits the previous section's; first-page parts show only with w:titlePg,
 * even-page parts only with w:evenAndOddHeaders in settings.
 */
import type { WordDocument } from "../../model/index.js";
import { relTypeIs } from "../../package/index.js";
import { childElements, firstChild, getAttribute } from "../../xml/index.js";
import { type PageSetup, pageSetup } from "./page-setup.js";

export const HEADER_FOOTER_TYPES = ["default", "first", "even"] as const;
export type HeaderFooterType = (typeof HEADER_FOOTER_TYPES)[number];
export type HeaderFooterKind = "header" | "footer";

export interface HeaderFooterSlot {
  /** The part shown, or null when the section shows none of this type. */
  part: string | null;
  /** Section whose reference this is, when inherited from an earlier section; null for the section's own. */
  inherited_from: number | null;
  /** False when the part exists but Word does not show it (first page without titlePg, even pages without the setting). */
  shown: boolean;
  text: string;
}

export interface SectionLayout extends PageSetup {
  title_page: boolean;
  headers: Record<HeaderFooterType, HeaderFooterSlot>;
  footers: Record<HeaderFooterType, HeaderFooterSlot>;
}

const on = (el: { attributes: { name: string; value: string }[] } | undefined, w: string) =>
  el !== undefined && !["0", "false", "off"].includes(el.attributes.find((a) => a.name === w + "val")?.value ?? "");

export function evenAndOddHeaders(doc: WordDocument): boolean {
  const name = doc.relatedPartName("settings");
  if (!name) return false;
  const root = (doc.parts.isLoaded(name) ? doc.parts.xml(name) : doc.pkg.readXml(name)).doc.root;
  return on(firstChild(root, doc.prefixes.w + "evenAndOddHeaders"), doc.prefixes.w);
}

export function sectionLayouts(doc: WordDocument): SectionLayout[] {
  const w = doc.prefixes.w;
  const rels = new Map(doc.pkg.relationships(doc.mainPart).map((r) => [r.id, r]));
  const even = evenAndOddHeaders(doc);
  const last: Record<string, { part: string; section: number }> = {};
  return doc.sections().map((s) => {
    const props = s.properties;
    const titlePage = on(props ? firstChild(props, w + "titlePg") : undefined, w);
    const slots = (kind: HeaderFooterKind) => {
      const out = {} as Record<HeaderFooterType, HeaderFooterSlot>;
      for (const type of HEADER_FOOTER_TYPES) {
        const ref = props
          ? childElements(props, `${w}${kind}Reference`).find((r) => (getAttribute(r, w + "type") ?? "default") === type)
          : undefined;
        const rel = ref ? rels.get(getAttribute(ref, doc.prefixes.r + "id") ?? "") : undefined;
        const key = `${kind}/${type}`;
        if (rel?.partName && relTypeIs(rel.type, kind) && doc.pkg.has(rel.partName))
          last[key] = { part: doc.pkg.resolveName(rel.partName)!, section: s.index };
        const found = last[key];
        const hf = found ? doc.headersFooters.find((h) => h.part === found.part) : undefined;
        out[type] = {
          part: found?.part ?? null,
          inherited_from: found && found.section !== s.index ? found.section : null,
          shown: found !== undefined && (type === "default" || (type === "first" ? titlePage : even)),
          text: hf ? hf.blocks.blocks.map((_, i) => hf.blocks.text(i)).join("\n") : "",
        };
      }
      return out;
    };
    return { ...pageSetup(doc, s.index), title_page: titlePage, headers: slots("header"), footers: slots("footer") };
  });
}
