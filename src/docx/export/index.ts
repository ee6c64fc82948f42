/** The export layer's front door: the whole document as Markdown or HTML, streamed block by block. */

export type { ExportFormat } from "./document-export.js";
export { EXPORT_FORMATS, exportDocument } from "./document-export.js";
export { queryMarkdown } from "./query-markdown.js";
