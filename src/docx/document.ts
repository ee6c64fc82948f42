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
  type AdoptOutcome,
  type AppliedOperation,
  adoptDocument,
  type BodyComparison,
  type CommentInfo,
  type CommentInput,
  compareBodies,
  describeOperation,
  differingParts,
  type HeaderFooterEdit,
  type InsertTextOptions,
  isTracking,
  listComments,
  type OperationName,
  type OperationResultOf,
  type PageSetupChange,
  type PartsDifference,
  parseOperation,
  parsePatch,
  type ReplaceTextOptions,
  type ResolvedRevision,
  type Revision,
  type RevisionFilter,
  revisionList,
  runPatch,
  type SectionLayout,
  type StyleOptions,
  sectionLayouts,
} from "./ops/index.js";
import { type ByteSource, type DocxLimits, DocxPackage, type PackageStream } from "./package/index.js";
import { findById } from "./paths/index.js";
import type { QueryOptions, QueryResult } from "./queries/index.js";
import { refuseIllegalXmlInput } from "./xml/index.js";

/** One applied operation: its kind, its result's fields, and for element operations the path of the element at the end. */
export type OperationOutcome = { op: OperationName; elementPath?: string | null } & Record<string, unknown>;

/** What an atomic edit did: each operation's outcome, and one line per operation for the history. */
export interface EditOutcome {
  operations: OperationOutcome[];
  descriptions: string[];
}

export class DocxDocument {
  /** Changes made before an atomic call started, kept apart so a failed call can revert only its own changes. */
  private carried: DocumentChange | null = null;

  private constructor(private readonly doc: WordDocument) {}

  /** Opens a .docx. Throws DocxError for anything that is not a safe, readable Word document. */
  static open(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxDocument {
    return new DocxDocument(WordDocument.open(bytes, limits));
  }

  /**
   * Opens a .docx from storage by range reads: the central directory, then the XML parts; media and other binary parts
   * stay in `source` (which must keep the same bytes while the document is open) until an edit needs them. A call
   * that needs one throws `part_not_loaded`: load it with `loadParts` and run the call again.
   */
  static async openFrom(source: ByteSource, limits: Partial<DocxLimits> = {}): Promise<DocxDocument> {
    return new DocxDocument(WordDocument.fromPackage(await DocxPackage.openFrom(source, limits)));
  }

  /** Reads parts still only in storage (see openFrom); `undefined` reads every one. */
  async loadParts(names?: Iterable<string>): Promise<void> {
    await this.doc.pkg.load(names ?? this.doc.pkg.unreadParts());
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
  replaceParagraphText(path: string, text: string): OperationResultOf<"replace_paragraph_text"> {
    return this.apply("replace_paragraph_text", { path, text });
  }

  /** Whether the document tracks changes (w:trackRevisions in its settings). */
  get tracksChanges(): boolean {
    return isTracking(this.doc);
  }

  /** Every tracked change (insertions, deletions, moves, property, row and cell changes) in document order, all stories. */
  revisions(): Revision[] {
    return revisionList(this.doc);
  }

  /** The document's comments in order, optionally only those by `author` (any case). */
  listComments(author?: string): CommentInfo[] {
    return listComments(this.doc, author);
  }

  /** Each section's page size, orientation, margins, and the header and footer it shows of each type. */
  sectionLayouts(): SectionLayout[] {
    return sectionLayouts(this.doc);
  }

  /**
   * Applies operations of any kind (see ops/registry: element, text, style, comment, revision, section, metadata; at
   * most 50) atomically: every operation applies, or the call throws and the document is exactly as before. Operations
   * are written as a patch names them (`{"op": "replace_text", "find": ..., ...}`); all are validated before the first
   * runs. A failing operation of a patch is `patch_failed` naming its index; `{ single: true }` (one operation standing
   * for a tool call) throws the operation's own error, with fields named as the tool's arguments.
   */
  edit(operations: unknown, options: { single?: boolean } = {}): EditOutcome {
    refuseIllegalXmlInput(operations, options.single ? "" : "operations");
    const parsed = options.single ? [parseOperation(operations, "")] : parsePatch(operations);
    return this.atomically(() => {
      let applied: AppliedOperation[];
      try {
        applied = runPatch(this.doc, parsed);
      } catch (e) {
        const failure = (e as { failure?: { kind: string; cause?: unknown } }).failure;
        if (options.single && failure?.kind === "patch_failed") throw new DocxError(failure.cause as never);
        throw e;
      }
      return {
        operations: applied.map((a) => ({ op: a.op, ...a.result, ...(a.elementPath === undefined ? {} : { elementPath: a.elementPath }) })),
        descriptions: applied.map((a, i) => describeOperation(parsed[i], a.result)),
      };
    });
  }

  /** Applies a patch in docx-mcp's format (see `edit`); kept for callers that think in patches. */
  applyPatch(operations: unknown): { applied: number; total: number; operations: OperationOutcome[] } {
    const { operations: outcomes } = this.edit(operations);
    return { applied: outcomes.length, total: outcomes.length, operations: outcomes };
  }

  /** Runs one operation through the registry, atomically, and returns its result. */
  private apply<N extends OperationName>(op: N, fields: Record<string, unknown>): OperationResultOf<N> {
    const { op: _op, elementPath: _path, ...result } = this.edit({ op, ...withoutUndefined(fields) }, { single: true }).operations[0];
    return result as OperationResultOf<N>;
  }

  /** Runs `edit` so that a failure reverts only what it changed (changes made before it are carried, not lost). */
  private atomically<T>(edit: () => T): T {
    this.carried = composeChanges(this.carried, this.doc.journal.take());
    try {
      return edit();
    } catch (e) {
      const partial = this.doc.journal.take();
      if (partial) this.doc.journal.revert(partial);
      throw e;
    }
  }

  /** Turns change tracking on or off in the settings (adding a settings part if needed); returns the previous state. */
  setTrackChanges(enabled: boolean): { was: boolean } {
    return { was: this.apply("track_changes_enable", { enabled }).wasEnabled };
  }

  /**
   * Accepts tracked changes as Word does: all of them, one author's, or one by id (a move is accepted as a whole).
   * Returns the revisions accepted (none is not an error); an unknown id is `revision_not_found`.
   */
  acceptRevisions(filter: RevisionFilter = {}): ResolvedRevision[] {
    return (
      filter.id === undefined
        ? this.apply("revision_accept_all", { author: filter.author })
        : this.apply("revision_accept", { revision_id: filter.id })
    ).revisions;
  }

  /** Rejects tracked changes as Word does (the document returns to its state before them); see acceptRevisions. */
  rejectRevisions(filter: RevisionFilter = {}): ResolvedRevision[] {
    return (
      filter.id === undefined
        ? this.apply("revision_reject_all", { author: filter.author })
        : this.apply("revision_reject", { revision_id: filter.id })
    ).revisions;
  }

  /**
   * Replaces occurrences of `find` in the paragraphs `path` covers (a paragraph, a table, a cell, /body, a header, ...),
   * across runs and hyperlinks, keeping every character's formatting; the replacement takes the first replaced
   * character's. `maxCount` (default 1) limits replacements in document order; 0 only counts.
   */
  replaceText(path: string, options: Omit<ReplaceTextOptions, "revision">): OperationResultOf<"replace_text"> {
    const { find, replace, maxCount, matchCase, anyQuotes } = options;
    return this.apply("replace_text", { path, find, replace, max_count: maxCount, match_case: matchCase, any_quotes: anyQuotes });
  }

  /** Inserts text into one paragraph at a character offset, or before/after the first match of a string, in the neighbouring character's formatting. */
  insertText(path: string, options: Omit<InsertTextOptions, "revision">): OperationResultOf<"insert_text"> {
    const { text, offset, after, before, matchCase, anyQuotes } = options;
    return this.apply("insert_text", { path, text, offset, after, before, match_case: matchCase, any_quotes: anyQuotes });
  }

  /**
   * Adds a comment on the element `path` selects (paragraph, run, hyperlink, table, row, cell, content control), or on
   * the first occurrence of `anchorText` inside it. Creates the comments part when the document has none.
   */
  addComment(path: string, input: CommentInput & { anchorText?: string }): OperationResultOf<"comment_add"> {
    return this.apply("comment_add", {
      path,
      text: input.text,
      anchor_text: input.anchorText,
      author: input.author,
      initials: input.initials,
    });
  }

  /** Replies to a comment (a new comment threaded under it in commentsExtended.xml, shown where the parent is). */
  replyToComment(commentId: string, input: CommentInput): OperationResultOf<"comment_reply"> {
    return this.apply("comment_reply", { comment_id: commentId, ...input });
  }

  /** Marks a comment resolved (done), or open again with `resolved` false. */
  resolveComment(commentId: string, resolved = true): OperationResultOf<"comment_resolve"> {
    return this.apply("comment_resolve", { comment_id: commentId, resolved });
  }

  /** Deletes one comment or all by an author, with their replies and their marks in the body. */
  deleteComments(by: { commentId?: string; author?: string }): OperationResultOf<"comment_delete"> {
    return this.apply("comment_delete", { comment_id: by.commentId, author: by.author });
  }

  /**
   * Merges run formatting (bold, italic, underline, strike, font_size, font_name, color, highlight, vertical_align)
   * into every run inside what `options.path` selects, or the whole body. Only the given properties change; null
   * removes one. When the document tracks changes, the old formatting is kept as a w:rPrChange revision.
   */
  styleElement(style: unknown, options: StyleOptions = {}): OperationResultOf<"style_element"> {
    return this.apply("style_element", { path: options.path, style });
  }

  /** Merges paragraph formatting (alignment, style, spacing, indentation, shading, keep and page-break flags). */
  styleParagraph(style: unknown, options: StyleOptions = {}): OperationResultOf<"style_paragraph"> {
    return this.apply("style_paragraph", { path: options.path, style });
  }

  /** Merges table (`style`), row (`row_style`) and cell (`cell_style`) formatting into the selected tables, rows or cells. */
  styleTable(
    specs: { style?: unknown; cell_style?: unknown; row_style?: unknown },
    options: StyleOptions = {},
  ): OperationResultOf<"style_table"> {
    return this.apply("style_table", { path: options.path, ...specs });
  }

  /** Changes page size, orientation and margins of section `section`, or of every section when it is undefined. */
  setPageSetup(section: number | undefined, change: PageSetupChange): OperationResultOf<"set_page_setup">["sections"] {
    const { size, ...rest } = change;
    return this.apply("set_page_setup", { section_index: section, page_size: size, ...rest }).sections;
  }

  /** Sets the text of a section's header or footer of one type, creating the part when the section has none. */
  setHeaderFooter(edit: HeaderFooterEdit): OperationResultOf<"set_header"> {
    const { kind, lines, section, ...rest } = edit;
    return this.apply(kind === "footer" ? "set_footer" : "set_header", { text: lines.join("\n"), section_index: section, ...rest });
  }

  /** How this document's body differs from `other`'s, block by block (added, removed, modified, moved), as `other` has it. */
  compareBody(other: DocxDocument): BodyComparison {
    return compareBodies(this.doc, other.doc);
  }

  /**
   * Which parts other than the main one differ in `other`, reading no media (compared by their zip CRC-32 and size):
   * the parts `adopt` would write or remove.
   */
  compareParts(other: DocxDocument): PartsDifference {
    return differingParts(this.doc, other.doc);
  }

  /**
   * Makes this document's content that of `other` (another version of the same file) as one edit: differing body
   * blocks and parts are replaced, so `takeChange` then gives one change that undo can revert. `other` is used up.
   * Media equal on both sides are read on neither; if a differing one is still in storage on either side, this
   * throws `part_not_loaded` naming them all (this document's first), changing nothing: load them and call again.
   */
  adopt(other: DocxDocument): AdoptOutcome {
    return adoptDocument(this.doc, other.doc);
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

  /**
   * The .docx as a stream whose length is known up front (what storage needs to take a stream): edited parts deflated
   * now, untouched ones copied as their compressed bytes, from memory or, for parts never read, from the source the
   * document was opened from while the stream is read.
   */
  saveStream(): PackageStream {
    return this.doc.packageToSave().saveStream();
  }
}

/** The fields that were given: an operation refuses none of its own fields, but undefined means "not given". */
function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
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
