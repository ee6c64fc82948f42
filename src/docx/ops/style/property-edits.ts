/**
 * Merge edits on WordprocessingML property elements (rPr, pPr, tblPr, trPr, tcPr): only the named children and
 * attributes change, new children go to their schema position, and everything else (unknown children, extension
 * attributes, comments) stays as it was.
 */
import { element, insertInOrder, serializeNode, type XmlAttribute, type XmlElement } from "../../xml/index.js";

/** One change to a child of a property element; attribute names are local names in the w namespace. */
export type PropertyEdit =
  /** Removes the child (every occurrence). */
  | { child: string; remove: true }
  /** The child becomes exactly these attributes and no children, e.g. `<w:b/>` or `<w:color w:val="FF0000"/>`. */
  | { child: string; set: Record<string, string> }
  /** Changes only these attributes (null removes one); the child goes once it has no attributes left. */
  | { child: string; merge: Record<string, string | null>; onlyIfPresent?: boolean }
  /** Edits the child's own children (borders); the child goes once it is empty. */
  | { child: string; edits: PropertyEdit[]; onlyIfPresent?: boolean };

/** Applies `edits` to `props` in order. `w` is the part's WordprocessingML prefix. */
export function applyEdits(props: XmlElement, edits: PropertyEdit[], w: string): void {
  for (const edit of edits) {
    const name = w + edit.child;
    const existing = props.children.find((c): c is XmlElement => c.type === "element" && c.name === name);
    if ("remove" in edit) {
      props.children = props.children.filter((c) => !(c.type === "element" && c.name === name));
    } else if ("set" in edit) {
      const attributes = Object.entries(edit.set).map(([k, v]) => ({ name: w + k, value: v }));
      if (existing) {
        existing.attributes = attributes;
        existing.children = [];
        existing.selfClosing = true;
      } else insertInOrder(props, element(name, attributes), w);
    } else if ("merge" in edit) {
      if (!existing && edit.onlyIfPresent) continue;
      const target = existing ?? element(name);
      for (const [k, v] of Object.entries(edit.merge)) setOrRemove(target.attributes, w + k, v);
      const empty = target.attributes.length === 0 && target.children.length === 0;
      if (existing && empty) removeChild(props, existing);
      else if (!existing && !empty) insertInOrder(props, target, w);
    } else {
      if (!existing && edit.onlyIfPresent) continue;
      const target = existing ?? element(name);
      applyEdits(target, edit.edits, w);
      const empty = !target.children.some((c) => c.type === "element");
      if (existing && empty) removeChild(props, existing);
      else if (!existing && !empty) insertInOrder(props, target, w);
    }
  }
}

/**
 * The property element `name` (e.g. "w:rPr") of `host`, created at its place when missing: first child, or right after
 * the children named in `after` (a row's w:tblPrEx precedes its w:trPr, §17.4.79).
 */
export function propertiesOf(host: XmlElement, name: string, after: string[] = []): { props: XmlElement; created: boolean } {
  const found = host.children.find((c): c is XmlElement => c.type === "element" && c.name === name);
  if (found) return { props: found, created: false };
  const props = element(name);
  let at = 0;
  host.children.forEach((c, i) => {
    if (c.type === "element" && after.includes(c.name)) at = i + 1;
  });
  host.children.splice(at, 0, props);
  host.selfClosing = false;
  return { props, created: true };
}

/** Runs `edits` on `host`'s property element; returns whether the markup changed. An emptied element we made goes. */
export function editProperties(host: XmlElement, name: string, edits: PropertyEdit[], w: string, after: string[] = []): boolean {
  const before = snapshot(host, name);
  const { props, created } = propertiesOf(host, name, after);
  applyEdits(props, edits, w);
  if (created && props.children.length === 0) removeChild(host, props);
  return snapshot(host, name) !== before;
}

/** The serialized property element, for comparing before and after an edit. */
export function snapshot(host: XmlElement, name: string): string {
  const props = host.children.find((c): c is XmlElement => c.type === "element" && c.name === name);
  return props ? serializeNode(props) : "";
}

function setOrRemove(attributes: XmlAttribute[], name: string, value: string | null): void {
  const i = attributes.findIndex((a) => a.name === name);
  if (value === null) {
    if (i >= 0) attributes.splice(i, 1);
  } else if (i >= 0) attributes[i].value = value;
  else attributes.push({ name, value });
}

function removeChild(parent: XmlElement, child: XmlElement): void {
  parent.children = parent.children.filter((c) => c !== child);
  if (parent.children.length === 0) parent.selfClosing = true;
}
