/** The read side's front door: renderings and paging. */

export type { Json } from "./element-json.js";
export { runFormatting } from "./formatting.js";
export { mathLinear } from "./math-linear.js";
export type { MarkdownChunk, PageSource, QueryFormat, QueryOptions, QueryResult } from "./paginate.js";
export { DEFAULT_LIMIT, DEFAULT_MAX_CHARS, paginate, QUERY_FORMATS, queryResultText } from "./paginate.js";
export { RenderContext } from "./render-context.js";
