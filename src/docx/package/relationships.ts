/** Package relationships (ECMA-376 Part 2, §9.3): the `_rels/*.rels` part of a source part, with targets resolved to part names. */
import { childElements, getAttribute, localName, type XmlDocument } from "../xml/index.js";

export interface Relationship {
  id: string;
  /** The relationship type URI; compare with `relTypeIs` since strict and transitional URIs differ. */
  type: string;
  /** Target as written in the part. */
  target: string;
  /** Zip entry name of the target part (no leading slash), or null for external targets. */
  partName: string | null;
  external: boolean;
}

/** The name of the .rels part describing `partName` (e.g. word/document.xml -> word/_rels/document.xml.rels). */
export function relationshipsPartName(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return slash < 0 ? `_rels/${partName}.rels` : `${partName.slice(0, slash)}/_rels/${partName.slice(slash + 1)}.rels`;
}

/** Resolves a relative target against the folder of its source part, as a zip entry name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.split("#")[0];
  const base = clean.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(decodeURIComponentSafe(seg));
  }
  return base.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseRelationships(sourcePart: string, doc: XmlDocument): Relationship[] {
  return childElements(doc.root)
    .filter((el) => localName(el.name) === "Relationship")
    .map((el) => {
      const target = getAttribute(el, "Target") ?? "";
      const external = getAttribute(el, "TargetMode") === "External";
      return {
        id: getAttribute(el, "Id") ?? "",
        type: getAttribute(el, "Type") ?? "",
        target,
        external,
        partName: external ? null : resolveTarget(sourcePart, target),
      };
    });
}

/** Matches a relationship type by its last segment, so transitional and strict OOXML URIs both match. */
export function relTypeIs(type: string, name: string): boolean {
  return type.endsWith("/" + name);
}
