/** The path layer's front door. */
export { parsePath } from "./path-parser.js";
export type { FilterOp, ParsedPath, Predicate, Segment } from "./path-syntax.js";
export { resolvePath } from "./resolve.js";
export type { Resolution } from "./resolve.js";
export { findById } from "./find-by-id.js";
