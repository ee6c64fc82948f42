/**
 * Exports the whole document as Markdown or HTML, one body block at a time: each block is parsed, rendered and
 * dropped before the next, so memory stays bounded by the largest block and the output is produced as a stream.
 */
import type { WordDocument } from "../model/index.js";
import { BlockWalk } from "./block-walk.js";
import { ExportState } from "./export-state.js";
import type { FormatWriter } from "./format-writer.js";
import { HtmlWriter } from "./html-writer.js";
import { MarkdownWriter } from "./markdown-writer.js";

export const EXPORT_FORMATS = ["markdown", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The document as consecutive chunks of `format` text (about one per body block). */
export function* exportDocument(doc: WordDocument, format: ExportFormat): Generator<string> {
  const state = new ExportState(doc);
  const writer: FormatWriter = format === "html" ? new HtmlWriter(state) : new MarkdownWriter(state);
  const walk = new BlockWalk(doc, state, writer);
  const head = writer.start(doc.coreProperties().title?.trim() || null);
  if (head) yield head;
  for (let i = 0; i < doc.body.length; i++) {
    if (doc.body.blocks[i].facts.kind === "sectPr") continue;
    const chunk = walk.block(doc.body.element(i), doc.mainPart);
    if (chunk) yield chunk;
  }
  yield writer.end(walk.notes);
}
