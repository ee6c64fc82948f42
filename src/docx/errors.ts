/** Everything the document engine can refuse, as data. Callers map `failure.kind` to their wire form in one place. */
export type DocxFailure =
  | { kind: "not_a_zip"; message: string }
  | { kind: "not_a_docx"; contentType: string; message: string }
  | { kind: "corrupt_zip"; entry?: string; message: string }
  | { kind: "zip_bomb"; entry?: string; limit: number; actual: number; message: string }
  /** The package is valid but would not fit in an isolate's memory once opened (see package/limits.ts). */
  | { kind: "document_too_large"; part?: string; limit: number; actual: number; message: string }
  /** One call would parse more of the document than an isolate can afford (see model/work-budget.ts); nothing changed. */
  | { kind: "work_too_large"; limit: number; actual: number; message: string }
  | { kind: "unsafe_entry_name"; entry: string; message: string }
  | { kind: "unsupported_zip"; entry?: string; message: string }
  | { kind: "missing_part"; part: string; message: string }
  /**
   * The package was opened from storage and this part's bytes were never read (media stay there until an edit needs
   * them): the caller loads it (DocxDocument.loadParts) and runs the call again. Never meant for users. `parts`, when
   * given, names every part the call needs that is still unread (`part` among them), so one load serves the rerun.
   */
  | { kind: "part_not_loaded"; part: string; parts?: string[]; message: string }
  | { kind: "xml_forbidden"; part?: string; message: string }
  | { kind: "xml_malformed"; part?: string; offset: number; message: string }
  | { kind: "xml_too_deep"; part?: string; limit: number; message: string }
  | { kind: "invalid_path"; path: string; segment?: string; allowed?: string[]; message: string }
  | { kind: "path_not_found"; path: string; message: string }
  | { kind: "invalid_argument"; field: string; position?: number; message: string }
  /** The serializer met a character XML 1.0 does not allow (UTF-16 index `position` in the string being written). */
  | { kind: "xml_illegal_character"; part?: string; position: number; message: string }
  | { kind: "revision_not_found"; revisionId: number | string; message: string }
  | { kind: "change_mismatch"; message: string }
  /** One operation of an atomic patch failed: `index` and `op` name it, `cause` is its own failure. */
  | { kind: "patch_failed"; index: number; op: string; path: string; cause: DocxFailure; message: string };

export type DocxFailureKind = DocxFailure["kind"];

export class DocxError extends Error {
  readonly failure: DocxFailure;
  constructor(failure: DocxFailure) {
    super(failure.message);
    this.name = "DocxError";
    this.failure = failure;
  }
  get kind(): DocxFailureKind {
    return this.failure.kind;
  }
}

export function isDocxError(e: unknown): e is DocxError {
  return e instanceof DocxError;
}

/** Attaches the part name to XML failures raised while parsing that part. */
export function withPart<T>(part: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (
      e instanceof DocxError &&
      (e.failure.kind === "xml_malformed" || e.failure.kind === "xml_forbidden" || e.failure.kind === "xml_too_deep")
    ) {
      const failure = { ...e.failure, part, message: `${part}: ${e.failure.message}` };
      throw new DocxError(failure);
    }
    throw e;
  }
}
