import { strToU8, zipSync } from "fflate";

/** The smallest package our upload check accepts: a ZIP with [Content_Types].xml and a main part. */
export function minimalDocx(text = "Hello"): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    "word/document.xml": strToU8(
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

/** A valid ZIP that is not an OOXML package. */
export function plainZip(): Uint8Array {
  return zipSync({ "readme.txt": strToU8("not a document") });
}
