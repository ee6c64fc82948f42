/** The export layer's front door: the whole document as Markdown or HTML, streamed block by block. */
export { EXPORT_FORMATS, exportDocument } from "./document-export.js";
export type { ExportFormat } from "./document-export.js";
