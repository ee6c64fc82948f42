/**
 * Footnotes (§17.11.10 w:footnote): a new note in footnotes.xml (created with its separator notes when missing) and a
 * w:footnoteReference run at the end of the paragraph the path selects.
 */
import { DocxError } from "../../errors.js";
import type { WordDocument } from "../../model/index.js";
import { element, type XmlElement } from "../../xml/index.js";
import { editTarget } from "../edit-target.js";
import { maxAttribute, relatedPart } from "../related-part.js";
import { trackingOf } from "../tracking.js";
import { type BuildContext, wEl } from "./build-context.js";
import { paragraph, paragraphRuns } from "./paragraph-builder.js";
import { objectAt, onlyKnown } from "./value-fields.js";

export interface FootnoteResult {
  createdId: string;
  footnoteId: string;
  footnotePath: string;
  paragraphId: string;
  type: "footnote";
}

export function addFootnote(doc: WordDocument, path: string, value: unknown): FootnoteResult {
  const v = objectAt(value, "value");
  onlyKnown(v, "value", "a footnote value", ["type", "text", "runs", "style"]);
  const target = editTarget(doc, path, "paragraph");
  const list = target.owner.list;
  if (list.story.startsWith("footnote") || list.story.startsWith("endnote"))
    throw new DocxError({
      kind: "invalid_argument",
      field: "path",
      message: `${path} is inside a note; footnotes go into body, header or comment paragraphs.`,
    });
  const existed = doc.relatedPartName("footnotes") !== null;
  const { name, root, w } = relatedPart(doc, "footnotes", "footnotes");
  const ctx: BuildContext = { doc, prefixes: { ...doc.prefixes, w }, part: name, sectionProperties: null };
  const runs = paragraphRuns(ctx, v, "value");
  if (!existed) root.children.push(separator(w, "-1", "separator"), separator(w, "0", "continuationSeparator"));
  const id = String(Math.max(0, maxAttribute(root, w + "footnote", w + "id")) + 1);
  const textStyle = doc.styles.get("FootnoteText")?.type === "paragraph" ? "FootnoteText" : null;
  const pPr = textStyle ? wEl(ctx, "pPr", {}, [wEl(ctx, "pStyle", { val: textStyle })]) : null;
  const note = wEl(ctx, "footnote", { id }, [
    paragraph(ctx, pPr, [
      referenceRun(ctx, "footnoteRef"),
      wEl(ctx, "r", {}, [wEl(ctx, "t", { "xml:space": "preserve" }, [{ type: "text", text: " " }])]),
      ...runs,
    ]),
  ]);
  root.children.push(note);
  root.selfClosing = false;
  doc.parts.changed(name);
  // The reference is written in the paragraph's own part prefix.
  const bodyCtx: BuildContext = { doc, prefixes: list.prefixes, part: list.part, sectionProperties: null };
  const ref = referenceRun(bodyCtx, "footnoteReference", id);
  const rev = trackingOf(doc);
  target.element.children.push(rev ? element(list.prefixes.w + "ins", rev.attributes(), [ref]) : ref);
  target.element.selfClosing = false;
  target.done();
  const index = doc.footnotes.findIndex((n) => n.noteId === id);
  const noteBlocks = doc.footnotes[index]?.blocks;
  return {
    createdId: noteBlocks?.blocks[0]?.id ?? "",
    footnoteId: id,
    footnotePath: `/footnote[${index}]`,
    paragraphId: target.node.id ?? "",
    type: "footnote",
  };
}

/** A run holding a note mark, styled as the document's FootnoteReference or as superscript. */
function referenceRun(ctx: BuildContext, mark: "footnoteRef" | "footnoteReference", id?: string): XmlElement {
  const styled = ctx.doc.styles.get("FootnoteReference")?.type === "character";
  const rPr = wEl(ctx, "rPr", {}, [
    styled ? wEl(ctx, "rStyle", { val: "FootnoteReference" }) : wEl(ctx, "vertAlign", { val: "superscript" }),
  ]);
  return wEl(ctx, "r", {}, [rPr, wEl(ctx, mark, id === undefined ? {} : { id })]);
}

function separator(w: string, id: string, kind: "separator" | "continuationSeparator"): XmlElement {
  const attr = (name: string, value: string) => ({ name: w + name, value });
  return element(w + "footnote", [attr("type", kind), attr("id", id)], [element(w + "p", [], [element(w + "r", [], [element(w + kind)])])]);
}
