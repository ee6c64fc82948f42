/**
 * Tables shaped as LibreOffice and pandoc write them: fixed layout with a cell width on every cell and borders per
 * cell (LibreOffice), or a percentage-width table whose column alignment lives in each cell's paragraph (pandoc).
 */
export const LO_BORDERS =
  '<w:tcBorders><w:top w:val="single" w:sz="2" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="2" w:space="0" w:color="000000"/>' +
  '<w:bottom w:val="single" w:sz="2" w:space="0" w:color="000000"/></w:tcBorders>';
export const loCell = (text: string, width: number, extra = "") =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${extra}${LO_BORDERS}</w:tcPr>` +
  `<w:p><w:pPr><w:pStyle w:val="TableContents"/><w:rPr></w:rPr></w:pPr>${text ? `<w:r><w:rPr></w:rPr><w:t>${text}</w:t></w:r>` : ""}</w:p></w:tc>`;
/** LibreOffice Writer's table: A1-B1 merged across, A3-A4 merged down. */
export const LO_TABLE =
  '<w:tbl><w:tblPr><w:tblW w:w="9638" w:type="dxa"/><w:jc w:val="left"/><w:tblInd w:w="55" w:type="dxa"/><w:tblLayout w:type="fixed"/>' +
  '<w:tblCellMar><w:top w:w="55" w:type="dxa"/><w:left w:w="55" w:type="dxa"/><w:bottom w:w="55" w:type="dxa"/><w:right w:w="55" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
  '<w:tblGrid><w:gridCol w:w="3212"/><w:gridCol w:w="3213"/><w:gridCol w:w="3213"/></w:tblGrid>' +
  `<w:tr><w:trPr></w:trPr>${loCell("Merged", 6425, '<w:gridSpan w:val="2"/>')}${loCell("Cone", 3213)}</w:tr>` +
  `<w:tr><w:trPr></w:trPr>${loCell("Atwo", 3212)}${loCell("Btwo", 3213)}${loCell("Ctwo", 3213)}</w:tr>` +
  `<w:tr><w:trPr></w:trPr>${loCell("Tall", 3212, '<w:vMerge w:val="restart"/>')}${loCell("Bthree", 3213)}${loCell("Cthree", 3213)}</w:tr>` +
  `<w:tr><w:trPr></w:trPr>${loCell("", 3212, "<w:vMerge/>")}${loCell("Bfour", 3213)}${loCell("Cfour", 3213)}</w:tr></w:tbl>`;
export const LO_STYLES = '<w:style w:type="paragraph" w:styleId="TableContents"><w:name w:val="Table Contents"/></w:style>';

const pandocCell = (text: string, jc: string, tcPr = "<w:tcPr />") =>
  `<w:tc>${tcPr}<w:p><w:pPr><w:pStyle w:val="Compact" /><w:jc w:val="${jc}" /></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
const HEAD_PR = '<w:tcPr><w:tcBorders><w:bottom w:val="single" /></w:tcBorders><w:vAlign w:val="bottom" /></w:tcPr>';
/** pandoc's pipe table with a left and a right aligned column. */
export const PANDOC_TABLE =
  '<w:tbl><w:tblPr><w:tblStyle w:val="Table" /><w:tblW w:type="pct" w:w="5000" /><w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0" w:val="0020" /></w:tblPr>' +
  '<w:tblGrid><w:gridCol w:w="4680" /><w:gridCol w:w="4680" /></w:tblGrid>' +
  `<w:tr><w:trPr><w:tblHeader w:val="true" /></w:trPr>${pandocCell("Item", "left", HEAD_PR)}${pandocCell("Amount", "right", HEAD_PR)}</w:tr>` +
  `<w:tr>${pandocCell("Apples", "left")}${pandocCell("12", "right")}</w:tr></w:tbl>`;
