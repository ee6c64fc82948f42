/** The path layer's front door. */

export { findById } from "./find-by-id.js";
export { parsePath } from "./path-parser.js";
export type { FilterOp, ParsedPath, Predicate, Segment } from "./path-syntax.js";
export type { Resolution } from "./resolve.js";
export { resolvePath } from "./resolve.js";
