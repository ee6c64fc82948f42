/** The parsed form of a document path such as `/body/table[0]/row[1]/cell[2]/paragraph[text~='total']`. */
export type FilterOp = "=" | "~=" | "!=";

export type Predicate = { type: "index"; index: number } | { type: "all" } | { type: "filter"; key: string; op: FilterOp; value: string };

export interface Segment {
  /** The selector as written, e.g. "p" or "heading"; `name` is its canonical form, e.g. "paragraph". */
  written: string;
  name: string;
  predicates: Predicate[];
  /** The segment's source text, for error messages. */
  text: string;
}

export interface ParsedPath {
  source: string;
  segments: Segment[];
}

/** Short and alternative names users type, mapped to the canonical selector. */
export const ALIASES: Record<string, string> = {
  p: "paragraph",
  paragraphs: "paragraph",
  para: "paragraph",
  tbl: "table",
  tables: "table",
  tr: "row",
  rows: "row",
  tc: "cell",
  cells: "cell",
  r: "run",
  runs: "run",
  headings: "heading",
  h: "heading",
  link: "hyperlink",
  headers: "header",
  footers: "footer",
  footnotes: "footnote",
  endnotes: "endnote",
  comments: "comment",
  sections: "section",
  image: "drawing",
  picture: "drawing",
  bookmarks: "bookmark",
  textboxes: "textbox",
  txbx: "textbox",
  children: "*",
};

/** Filter keys each selector understands. */
export const FILTER_KEYS = ["text", "style", "id", "level", "type", "name", "author"] as const;
