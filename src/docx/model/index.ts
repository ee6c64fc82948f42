/** The model layer's front door: the opened document, its stories, nodes and navigation. */

export type { Block, BlockList } from "./block-list.js";
export type { BlockFacts } from "./body-scanner.js";
export { PREVIEW_CHARS, scanBody } from "./body-scanner.js";
export type { CommentAnchor } from "./comment-anchor.js";
export { bodyBlockPath, commentAnchor } from "./comment-anchor.js";
export type { DocNode, NodeKind } from "./doc-node.js";
export { hashId, IdRegistry, isHexId, nestedId } from "./ids.js";
export type { ListLabel } from "./list-numbering.js";
export { ListNumbering } from "./list-numbering.js";
export type { Prefixes } from "./namespaces.js";
export { NS } from "./namespaces.js";
export {
  ALLOWED_CHILDREN,
  blockHeadingLevel,
  blockNodes,
  elementOf,
  inlineNodes,
  ownerOf,
  partOf,
  storedId,
  storyContainers,
  tableParts,
  textBoxNodes,
} from "./navigation.js";
export { nodeHeadingLevel, nodeStyleId, nodeText, styleMatches } from "./node-facts.js";
export type { Note } from "./stories.js";
export type { StyleInfo, StyleSheet } from "./styles.js";
export type { GridCell, TableGrid } from "./table-grid.js";
export { MAX_GRID_SPAN, tableGrid } from "./table-grid.js";
export { blockText, inlineText } from "./text.js";
export type { HeaderFooter, Section } from "./word-document.js";
export { WordDocument } from "./word-document.js";
export { checkEditBudget, MAX_PARSED_XML_BYTES, ParsedBlockMeter } from "./work-budget.js";
