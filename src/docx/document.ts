/** The engine's facade: open a .docx, query it by path with paging, replace a paragraph's text, save. */
import {
  countSelected,
  type HeadingContent,
  queryDocument,
  readHeadingContent,
  readSection,
  type SectionContent,
} from "./document-reads.js";
import { DocxError } from "./errors.js";
import { EXPORT_FORMATS, type ExportFormat, exportDocument } from "./export/index.js";
import type { DocumentChange } from "./model/change-journal.js";
import { WordDocument } from "./model/index.js";
import {
  addComment,
  adoptDocument,
  applyPatchOperations,
  applyRevisions,
  type BodyComparison,
  type CommentInfo,
  type CommentInput,
  compareBodies,
  deleteComments,
  type HeaderFooterEdit,
  type HeaderFooterResult,
  type InsertTextOptions,
  type InsertTextResult,
  insertText,
  isTracking,
  listComments,
  type OperationResult,
  type PageSetup,
  type PageSetupChange,
  type ReplaceTextOptions,
  type ReplaceTextResult,
  type Revision,
  type RevisionFilter,
  replaceParagraphText,
  replaceText,
  replyToComment,
  resolveComment,
  revisionList,
  type SectionLayout,
  type StyleOptions,
  type StyleOutcome,
  sectionLayouts,
  setHeaderFooter,
  setPageSetup,
  setTrackRevisions,
  styleParagraphs,
  styleRuns,
  styleTables,
  trackingOf,
} from "./ops/index.js";
import type { DocxLimits } from "./package/index.js";
import { findById } from "./paths/index.js";
import type { QueryOptions, QueryResult } from "./queries/index.js";
import { refuseIllegalXmlInput } from "./xml/index.js";

export interface PatchResult {
  dry_run: boolean;
  applied: number;
  total: number;
  operations: OperationResult[];
}

export class DocxDocument {
  /** Changes made before an atomic call started, kept apart so a failed call can revert only its own changes. */
  private carried: DocumentChange | null = null;

  private constructor(private readonly doc: WordDocument) {}

  /** Opens a .docx. Throws DocxError for anything that is not a safe, readable Word document. */
  static open(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxDocument {
    return new DocxDocument(WordDocument.open(bytes, limits));
  }

  /** The model, for the engine's edit operations (src/docx/ops); not part of the public surface. */
  get model(): WordDocument {
    return this.doc;
  }

  /** Names the author of the edits that follow (tracked changes, comments). */
  setEditor(author: string, initials?: string): void {
    refuseIllegalXmlInput({ author, initials }, "");
    const name = author.trim() || "docx-edge";
    this.doc.editor = {
      author: name,
      initials:
        initials ??
        name
          .split(/\s+/)
          .map((w) => w[0]?.toUpperCase() ?? "")
          .join("")
          .slice(0, 4),
    };
  }

  /** Name of the main document part (usually word/document.xml). */
  get mainPart(): string {
    return this.doc.mainPart;
  }

  /** Reads whatever `path` selects, paged; `/body` lists the body's top-level blocks, `/styles` the styles. */
  query(path: string, options: QueryOptions = {}): QueryResult {
    return queryDocument(this.doc, path, options);
  }

  /** How many things `path` selects (`/body` counts top-level blocks, `/styles` the styles). */
  count(path: string): number {
    return countSelected(this.doc, path);
  }

  /** The canonical path of the element with this id (from any query result), e.g. /body/table[2]/row[1]/cell[0]/paragraph[0]. */
  pathOf(id: string): string {
    return findById(this.doc, id).path;
  }

  /** The blocks of section `index` (0-based), paged. */
  readSection(index: number, options: QueryOptions = {}): SectionContent {
    return readSection(this.doc, index, options);
  }

  /** A heading (a path, or text it contains) and everything under it, paged; says which heading it took of several. */
  readHeadingContent(heading: string, options: QueryOptions = {}): HeadingContent {
    return readHeadingContent(this.doc, heading, options);
  }

  /**
   * Replaces the whole text of one paragraph with `text` (tabs and newlines become w:tab and w:br), keeping its
   * properties, the first run's formatting and its bookmark/comment range markers. Returns the paragraph's id and path;
   * the id is stored in the paragraph so it stays the same after the edit.
   */
  replaceParagraphText(path: string, text: string): { id: string; path: string } {
    refuseIllegalXmlInput({ path, text }, "");
    return replaceParagraphText(this.doc, path, text);
  }

  /** Whether the document tracks changes (w:trackRevisions in its settings). */
  get tracksChanges(): boolean {
    return isTracking(this.doc);
  }

  /** Turns change tracking on or off in the settings (adding a settings part if needed); returns the previous state. */
  setTrackChanges(enabled: boolean): { was: boolean } {
    return setTrackRevisions(this.doc, enabled);
  }

  /** Every tracked change (insertions, deletions, moves, property, row and cell changes) in document order, all stories. */
  revisions(): Revision[] {
    return revisionList(this.doc);
  }

  /**
   * Accepts tracked changes as Word does: all of them, one author's, or one by id (a move is accepted as a whole).
   * Returns the revisions accepted (none is not an error); an unknown id is `revision_not_found`.
   */
  acceptRevisions(filter: RevisionFilter = {}): Revision[] {
    return applyRevisions(this.doc, "accept", filter).revisions;
  }

  /** Rejects tracked changes as Word does (the document returns to its state before them); see acceptRevisions. */
  rejectRevisions(filter: RevisionFilter = {}): Revision[] {
    return applyRevisions(this.doc, "reject", filter).revisions;
  }

  /**
   * Applies a patch (docx-mcp's format: add, replace, remove, move, copy, replace_text, remove_column; at most 50
   * operations) atomically: every operation applies, or a DocxError `patch_failed` names the failing operation and the
   * document is exactly as before. With `dryRun` the operations run, are reported, and are reverted.
   */
  applyPatch(operations: unknown, options: { dryRun?: boolean } = {}): PatchResult {
    refuseIllegalXmlInput(operations, "operations");
    this.carried = composeChanges(this.carried, this.doc.journal.take());
    let results: OperationResult[];
    try {
      results = applyPatchOperations(this.doc, operations);
    } catch (e) {
      this.revertPending();
      throw e;
    }
    if (options.dryRun) {
      this.revertPending();
      for (const r of results) r.status = "would_succeed";
    }
    return { dry_run: options.dryRun === true, applied: options.dryRun ? 0 : results.length, total: results.length, operations: results };
  }

  private revertPending(): void {
    const partial = this.doc.journal.take();
    if (partial) this.doc.journal.revert(partial);
  }

  /**
   * Replaces occurrences of `find` in the paragraphs `path` covers (a paragraph, a table, a cell, /body, a header, ...),
   * across runs and hyperlinks, keeping every character's formatting; the replacement takes the first replaced
   * character's. `maxCount` (default 1) limits replacements in document order; 0 only counts.
   */
  replaceText(path: string, options: Omit<ReplaceTextOptions, "revision">): ReplaceTextResult {
    refuseIllegalXmlInput({ path, ...options }, "");
    return replaceText(this.doc, path, { ...options, revision: trackingOf(this.doc) });
  }

  /** Inserts text into one paragraph at a character offset, or before/after the first match of a string, in the neighbouring character's formatting. */
  insertText(path: string, options: Omit<InsertTextOptions, "revision">): InsertTextResult {
    refuseIllegalXmlInput({ path, ...options }, "");
    return insertText(this.doc, path, { ...options, revision: trackingOf(this.doc) });
  }

  /**
   * Adds a comment on the element `path` selects (paragraph, run, hyperlink, table, row, cell, content control), or on
   * the first occurrence of `anchorText` inside it. Creates the comments part when the document has none.
   */
  addComment(path: string, input: CommentInput & { anchorText?: string }): { comment_id: string; path: string; anchored_text: string } {
    refuseIllegalXmlInput({ path, ...input }, "");
    return addComment(this.doc, path, input);
  }

  /** Replies to a comment (a new comment threaded under it in commentsExtended.xml, shown where the parent is). */
  replyToComment(commentId: string, input: CommentInput): { comment_id: string; parent_id: string; replied_to?: string; note?: string } {
    refuseIllegalXmlInput({ comment_id: commentId, ...input }, "");
    return replyToComment(this.doc, commentId, input);
  }

  /** Marks a comment resolved (done), or open again with `resolved` false. */
  resolveComment(commentId: string, resolved = true): { comment_id: string; resolved: boolean } {
    return resolveComment(this.doc, commentId, resolved);
  }

  /** The document's comments in order, optionally only those by `author` (any case). */
  listComments(author?: string): CommentInfo[] {
    return listComments(this.doc, author);
  }

  /** Deletes one comment or all by an author, with their replies and their marks in the body. */
  deleteComments(by: { commentId?: string; author?: string }): { deleted: string[] } {
    refuseIllegalXmlInput(by, "");
    return deleteComments(this.doc, by);
  }

  /**
   * Merges run formatting (bold, italic, underline, strike, font_size, font_name, color, highlight, vertical_align)
   * into every run inside what `options.path` selects, or the whole body. Only the given properties change; null
   * removes one. When the document tracks changes, the old formatting is kept as a w:rPrChange revision.
   */
  styleElement(style: unknown, options: StyleOptions = {}): StyleOutcome {
    refuseIllegalXmlInput({ style, ...options }, "");
    return styleRuns(this.doc, style, options);
  }

  /** Merges paragraph formatting (alignment, style, spacing, indentation, shading, keep and page-break flags). */
  styleParagraph(style: unknown, options: StyleOptions = {}): StyleOutcome {
    refuseIllegalXmlInput({ style, ...options }, "");
    return styleParagraphs(this.doc, style, options);
  }

  /** Merges table (`style`), row (`row_style`) and cell (`cell_style`) formatting into the selected tables, rows or cells. */
  styleTable(specs: { style?: unknown; cell_style?: unknown; row_style?: unknown }, options: StyleOptions = {}): StyleOutcome {
    refuseIllegalXmlInput({ ...specs, ...options }, "");
    return styleTables(this.doc, specs, options);
  }

  /** How this document's body differs from `other`'s, block by block (added, removed, modified, moved), as `other` has it. */
  compareBody(other: DocxDocument): BodyComparison {
    return compareBodies(this.doc, other.doc);
  }

  /**
   * Makes this document's content that of `other` (another version of the same file) as one edit: differing body
   * blocks and parts are replaced, so `takeChange` then gives one change that undo can revert. `other` is used up.
   */
  adopt(other: DocxDocument): { blocksReplaced: number; partsChanged: number } {
    return adoptDocument(this.doc, other.doc);
  }

  /** Each section's page size, orientation, margins, and the header and footer it shows of each type. */
  sectionLayouts(): SectionLayout[] {
    return sectionLayouts(this.doc);
  }

  /** Changes page size, orientation and margins of section `section`, or of every section when it is undefined. */
  setPageSetup(section: number | undefined, change: PageSetupChange): PageSetup[] {
    return setPageSetup(this.doc, section, change);
  }

  /** Sets the text of a section's header or footer of one type, creating the part when the section has none. */
  setHeaderFooter(edit: HeaderFooterEdit): HeaderFooterResult {
    refuseIllegalXmlInput(edit, "");
    return setHeaderFooter(this.doc, edit);
  }

  /**
   * The whole document as `format` text (markdown or html), in chunks of about one body block each, so a caller can
   * stream or count it without the whole output in memory. Consume it before the document is edited again.
   */
  export(format: ExportFormat): Generator<string> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new DocxError({
        kind: "invalid_argument",
        field: "format",
        message: `Cannot export as ${JSON.stringify(format)}: the formats are ${EXPORT_FORMATS.join(", ")}.`,
      });
    }
    return exportDocument(this.doc, format);
  }

  /** What changed since the last call (or since open), as data; null when nothing did. */
  takeChange(): DocumentChange | null {
    const change = composeChanges(this.carried, this.doc.journal.take());
    this.carried = null;
    return change;
  }

  /** Re-applies a change taken from a document in the state this one is in now (replaying history). */
  applyChange(change: DocumentChange): void {
    this.doc.journal.apply(change);
  }

  /** Undoes a change: the document returns to the state the change was taken from. */
  revertChange(change: DocumentChange): void {
    this.doc.journal.revert(change);
  }

  /** About how many bytes this open document holds in memory (see WordDocument.memoryBytes). */
  memoryBytes(): number {
    return this.doc.memoryBytes();
  }

  /** The .docx bytes: untouched parts copied as their original compressed bytes, edited parts re-deflated. */
  save(): Uint8Array {
    return this.doc.save();
  }

  /**
   * The same bytes as `save()`, as consecutive chunks whose untouched entries are views of the opened bytes: stream them
   * (e.g. to storage) to avoid a second full copy of a large package in memory.
   */
  saveChunks(): Uint8Array[] {
    return this.doc.saveChunks();
  }
}

/** `a` then `b` as one change: splices and part changes apply in order, so `b`'s simply follow `a`'s. */
function composeChanges(a: DocumentChange | null, b: DocumentChange | null): DocumentChange | null {
  if (!a || !b) return a ?? b;
  const out: DocumentChange = { stories: [...a.stories, ...b.stories] };
  if (a.parts || b.parts) out.parts = [...(a.parts ?? []), ...(b.parts ?? [])];
  if (a.rootAttributes || b.rootAttributes)
    out.rootAttributes = { before: (a.rootAttributes ?? b.rootAttributes)!.before, after: (b.rootAttributes ?? a.rootAttributes)!.after };
  return out;
}
