/** Section edits: page setup, and headers and footers per section. */

export type { Alignment } from "./header-content.js";
export { ALIGNMENTS } from "./header-content.js";
export type { HeaderFooterEdit, HeaderFooterResult } from "./header-footer.js";
export { setHeaderFooter } from "./header-footer.js";
export type { MarginName, PageSetup, PageSetupChange } from "./page-setup.js";
export { MARGIN_NAMES, pageSetup, setPageSetup } from "./page-setup.js";
export type { HeaderFooterKind, HeaderFooterSlot, HeaderFooterType, SectionLayout } from "./section-layout.js";
export { evenAndOddHeaders, HEADER_FOOTER_TYPES, sectionLayouts } from "./section-layout.js";
