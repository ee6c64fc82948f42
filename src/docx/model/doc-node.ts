/** A handle on one addressable thing in a document, as paths resolve to it: where it lives, its id and canonical path. */
import type { XmlElement } from "../xml/index.js";
import type { BlockList } from "./block-list.js";
import type { Note } from "./stories.js";
import type { StyleInfo } from "./styles.js";
import type { HeaderFooter, Section } from "./word-document.js";

export type NodeKind =
  | "root"
  | "body"
  | "section"
  | "paragraph"
  | "table"
  | "row"
  | "cell"
  | "run"
  | "hyperlink"
  | "drawing"
  | "bookmark"
  | "textbox"
  | "sdt"
  | "sectPr"
  | "other"
  | "header"
  | "footer"
  | "footnote"
  | "endnote"
  | "comment"
  | "metadata"
  | "styles"
  | "style";

export interface DocNode {
  kind: NodeKind;
  /** A path that selects exactly this node again, e.g. /body/paragraph[12] or /body/table[0]/row[2]/cell[1]. */
  path: string;
  id: string | null;
  /** Top-level block of a story: its list and position. */
  list?: BlockList;
  index?: number;
  /** The top-level block that contains a nested node; editing touches that block. */
  owner?: { list: BlockList; index: number };
  /** Part holding the node (for relationship lookups), when not given by `list`. */
  part?: string;
  /** The element, for nodes inside a block (rows, cells, runs, ...). Top-level blocks parse theirs on demand. */
  element?: XmlElement;
  /** The enclosing paragraph (for runs, hyperlinks, drawings, bookmarks, text boxes), whose id names them; for a block
   * directly inside a text box, that text box. */
  parent?: DocNode;
  section?: Section;
  headerFooter?: HeaderFooter;
  note?: Note;
  style?: StyleInfo;
}
