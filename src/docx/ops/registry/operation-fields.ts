/**
 * What each field of an operation kind holds, as plain data: the engine reads its fields with OperationInput, and an
 * adapter (src/mcp) derives a typed schema per field from these descriptors, so a new kind needs no adapter change.
 */

/** A value the caller writes as a string: free text within a length, or a pattern it must match. */
export interface StringField {
  type: "string";
  min: number;
  max: number;
  /** A regular expression (source) the whole value must match. */
  pattern?: string;
}

export type Field = (
  | StringField
  | { type: "integer"; min: number; max?: number }
  | { type: "boolean" }
  | { type: "enum"; values: readonly string[] }
  /** A path to an element, e.g. /body/paragraph[0]. */
  | { type: "path" }
  /** An element value (see the element grammar), or its JSON text. */
  | { type: "element" }
  /** Properties to merge into runs, paragraphs, tables, cells or rows (or their JSON text). */
  | { type: "style"; of: "run" | "paragraph" | "table" | "cell" | "row" }
  /** A comment's id, as a number or a string of digits. */
  | { type: "comment_id" }
  /** A revision's id (a number) or handle ("0.2"). */
  | { type: "revision_id" }
  /** A length: "2.5cm", "1in", "72pt", or a number of twips. */
  | { type: "length" }
  /** An object of lengths by name (page margins by side). */
  | { type: "lengths"; keys: readonly string[] }
) & {
  optional?: boolean;
  /** One line telling a tool's caller what the field means, where its name does not say it. */
  note?: string;
};

/** An operation kind's fields by the name a patch gives them (besides "op"), in the order errors list them. */
export type Fields = Readonly<Record<string, Field>>;

/** Descriptor builders, so a kind's field table reads as one line per field. */
export const field = {
  string: (max: number, min = 1): Field => ({ type: "string", min, max }),
  matching: (pattern: RegExp, max: number): Field => ({ type: "string", min: 1, max, pattern: pattern.source }),
  integer: (min = 0, max?: number): Field => (max === undefined ? { type: "integer", min } : { type: "integer", min, max }),
  boolean: (): Field => ({ type: "boolean" }),
  oneOf: (values: readonly string[]): Field => ({ type: "enum", values }),
  path: (): Field => ({ type: "path" }),
  element: (): Field => ({ type: "element" }),
  style: (of: "run" | "paragraph" | "table" | "cell" | "row"): Field => ({ type: "style", of }),
  commentId: (): Field => ({ type: "comment_id" }),
  revisionId: (): Field => ({ type: "revision_id" }),
  length: (): Field => ({ type: "length" }),
  lengths: (keys: readonly string[]): Field => ({ type: "lengths", keys }),
};

/** The field, which a caller may leave out. */
export const optional = (f: Field, note?: string): Field => ({ ...f, optional: true, ...(note ? { note } : {}) });

/** The field, with a note for a tool's caller. */
export const noted = (f: Field, note: string): Field => ({ ...f, note });
