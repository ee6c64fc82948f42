/**
 * Sets the text of a section's default, first-page or even-page header or footer (§17.10). A section with its own
 * reference of that type has that part's content replaced; otherwise a new part (word/headerN.xml) is created with
 * its relationship, content type and a w:headerReference in the section. First-page ones turn on w:titlePg, even-page
 * ones w:evenAndOddHeaders in settings.xml (§17.15.1.35), so they show.
 */
import { DocxError } from "../../errors.js";
import { NS, type WordDocument } from "../../model/index.js";
import { relTypeIs } from "../../package/index.js";
import { childElements, element, firstChild, getAttribute, insertInOrder } from "../../xml/index.js";
import { isDeletedParagraph, markRevision, withoutRevisions } from "../elements/tracked-elements.js";
import { besideMainPart } from "../related-part.js";
import { isTracking, trackingOf } from "../tracking.js";
import { ALIGNMENTS, type Alignment, checkLines, headerParagraphs } from "./header-content.js";
import { HEADER_FOOTER_TYPES, type HeaderFooterKind, type HeaderFooterType, sectionLayouts } from "./section-layout.js";
import { editSection, sectionAt } from "./section-properties.js";
import { ensureSetting } from "./settings.js";

const CONTENT_TYPE = {
  header: "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
  footer: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
};

export interface HeaderFooterEdit {
  kind: HeaderFooterKind;
  type: HeaderFooterType;
  section: number;
  /** One paragraph per line; {PAGE}, {NUMPAGES}, {SECTIONPAGES} become page number fields. */
  lines: string[];
  alignment?: Alignment;
}

export interface HeaderFooterResult {
  kind: HeaderFooterKind;
  type: HeaderFooterType;
  section: number;
  part: string;
  created: boolean;
  /** Sections whose pages show this part (by their own reference or inherited from an earlier section). */
  shownInSections: number[];
  /** Written as tracked changes (the document tracks revisions). */
  tracked?: true;
  /**
   * Sections using this part that start mid-page (w:type continuous, §17.6.22): the page they start on shows the
   * previous section's header or footer, so this one shows only on pages that begin inside them, if any.
   */
  continuousSections?: number[];
  note?: string;
}

function check(edit: HeaderFooterEdit): void {
  if (edit.kind !== "header" && edit.kind !== "footer")
    throw new DocxError({
      kind: "invalid_argument",
      field: "kind",
      message: `kind must be "header" or "footer", not ${JSON.stringify(edit.kind)}.`,
    });
  if (!HEADER_FOOTER_TYPES.includes(edit.type))
    throw new DocxError({
      kind: "invalid_argument",
      field: "type",
      message: `type must be one of ${HEADER_FOOTER_TYPES.join(", ")}, not ${JSON.stringify(edit.type)}.`,
    });
  if (edit.alignment !== undefined && !ALIGNMENTS.includes(edit.alignment))
    throw new DocxError({ kind: "invalid_argument", field: "alignment", message: `alignment must be one of ${ALIGNMENTS.join(", ")}.` });
  checkLines(edit.lines);
}

/** The part a section's own reference of this kind and type points to, if any. */
function ownPart(doc: WordDocument, section: number, kind: HeaderFooterKind, type: HeaderFooterType): string | null {
  const props = sectionAt(doc, section).properties;
  const w = doc.prefixes.w;
  const ref = props
    ? childElements(props, `${w}${kind}Reference`).find((r) => (getAttribute(r, w + "type") ?? "default") === type)
    : undefined;
  if (!ref) return null;
  const rel = doc.pkg.relationships(doc.mainPart).find((r) => r.id === getAttribute(ref, doc.prefixes.r + "id"));
  return rel?.partName && doc.pkg.has(rel.partName) && relTypeIs(rel.type, kind) ? doc.pkg.resolveName(rel.partName)! : null;
}

export function setHeaderFooter(doc: WordDocument, edit: HeaderFooterEdit): HeaderFooterResult {
  check(edit);
  sectionAt(doc, edit.section);
  const existing = ownPart(doc, edit.section, edit.kind, edit.type);
  const part = existing ? replaceContent(doc, existing, edit) : createPart(doc, edit);
  const w = doc.prefixes.w;
  if (edit.type === "first") {
    const { sectPr, done } = editSection(doc, edit.section);
    const titlePg = firstChild(sectPr, w + "titlePg");
    if (!titlePg) insertInOrder(sectPr, element(w + "titlePg"), w);
    else titlePg.attributes = titlePg.attributes.filter((a) => a.name !== w + "val");
    done();
  }
  if (edit.type === "even") ensureSetting(doc, "evenAndOddHeaders");
  if (!existing) doc.reloadStories();
  const using = sectionLayouts(doc)
    .filter((s) => s[`${edit.kind}s`][edit.type].part === part && s[`${edit.kind}s`][edit.type].shown)
    .map((s) => s.section);
  const continuous = using.filter((i) => startsMidPage(doc, i));
  return {
    kind: edit.kind,
    type: edit.type,
    section: edit.section,
    part,
    created: !existing,
    shownInSections: using.filter((i) => !continuous.includes(i)),
    ...(isTracking(doc) ? { tracked: true as const } : {}),
    ...(continuous.length
      ? {
          continuousSections: continuous,
          note: `Section${continuous.length > 1 ? "s" : ""} ${continuous.join(", ")} ${continuous.length > 1 ? "start" : "starts"} on the same page as the section before (continuous break), which shows that section's ${edit.kind}; this ${edit.kind} appears only on pages that begin inside ${continuous.length > 1 ? "them" : "it"}, and on none if ${continuous.length > 1 ? "they are" : "it is"} shorter than a page.${edit.type === "first" ? ` A first-page ${edit.kind} of a continuous section never shows, since no page is its first.` : ""}`,
        }
      : {}),
  };
}

/** Whether section `index` starts on the page where the previous one ends (w:type continuous; the first never does). */
function startsMidPage(doc: WordDocument, index: number): boolean {
  if (index === 0) return false;
  const props = sectionAt(doc, index).properties;
  const type = props ? firstChild(props, doc.prefixes.w + "type") : undefined;
  return !!type && getAttribute(type, doc.prefixes.w + "val") === "continuous";
}

/** Replaces every block of an existing part, keeping the first paragraph's properties unless an alignment is given. */
function replaceContent(doc: WordDocument, part: string, edit: HeaderFooterEdit): string {
  const hf = doc.headersFooters.find((h) => h.part === part)!;
  const list = hf.blocks;
  const w = list.prefixes.w;
  const first = list.blocks.find((b) => b.facts.kind === "paragraph")?.tree;
  const pPr = first ? firstChild(first, w + "pPr") : undefined;
  const paragraphs = headerParagraphs(w, edit.lines, {
    pPr: pPr && !edit.alignment ? pPr : undefined,
    styleId: edit.alignment || !pPr ? styleFor(doc, edit.kind) : undefined,
    alignment: edit.alignment,
  });
  const rev = trackingOf(doc);
  if (rev) {
    // Tracked (§17.13.5): the old blocks stay as deletions (with their ids), the new paragraphs follow as insertions.
    for (let i = 0; i < list.length; i++) {
      const tree = doc.touchForEdit(list, i);
      if (tree.name === w + "p" && isDeletedParagraph(tree, w)) continue;
      markRevision(tree, w, rev, "del");
      list.refresh(i);
    }
    const at = list.length;
    paragraphs.forEach((p, i) => {
      const copied = firstChild(p, w + "pPr");
      if (copied) withoutRevisions(copied, w);
      markRevision(p, w, rev, "ins");
      doc.insertBlock(list, at + i, p);
    });
    return part;
  }
  for (let i = list.length - 1; i >= 0; i--) doc.removeBlock(list, i);
  for (const [i, p] of paragraphs.entries()) doc.insertBlock(list, i, p);
  return part;
}

function styleFor(doc: WordDocument, kind: HeaderFooterKind): string | null {
  const id = doc.styles.resolveStyleId(kind);
  return doc.styles.get(id) ? id : null;
}

function createPart(doc: WordDocument, edit: HeaderFooterEdit): string {
  let n = 1;
  while (doc.pkg.has(besideMainPart(doc, `${edit.kind}${n}.xml`))) n++;
  const name = besideMainPart(doc, `${edit.kind}${n}.xml`);
  const root = edit.kind === "header" ? "w:hdr" : "w:ftr";
  const body = headerParagraphs("w:", edit.lines, { styleId: styleFor(doc, edit.kind), alignment: edit.alignment });
  const rev = trackingOf(doc);
  if (rev) for (const p of body) markRevision(p, "w:", rev, "ins");
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${root} xmlns:w="${NS.w}" xmlns:r="${NS.r}"/>`;
  doc.parts.write(name, xml);
  const tree = doc.parts.xml(name).doc.root;
  tree.children.push(...body);
  tree.selfClosing = false;
  doc.parts.changed(name);
  doc.ensureContentType(name, CONTENT_TYPE[edit.kind]);
  const rId = doc.addRelationship(doc.mainPart, edit.kind, `${edit.kind}${n}.xml`);
  const w = doc.prefixes.w;
  const { sectPr, done } = editSection(doc, edit.section);
  insertInOrder(
    sectPr,
    element(`${w}${edit.kind}Reference`, [
      { name: w + "type", value: edit.type },
      { name: doc.prefixes.r + "id", value: rId },
    ]),
    w,
  );
  done();
  return name;
}
