/** A .docx with a photo, laid out as Word writes one (media between the XML parts), for tests of untouched media. */
import { strToU8, unzipSync } from "fflate";
import { buildDocx, p } from "./build-docx.js";
import { rawZip } from "./raw-zip.js";

export const IMAGE_PART = "word/media/image1.png";

/** Pseudo-random bytes deflate cannot shrink, like a photo. */
export function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function docxWithImage(
  photo: Uint8Array,
  options: { paragraphs?: string[]; stored?: boolean; dataDescriptor?: boolean } = {},
): Uint8Array {
  const built = unzipSync(
    buildDocx({
      body: (options.paragraphs ?? ["First", "Second"]).map((t) => p(t)).join(""),
      relationships: { rIdImg: ["image", "media/image1.png"] },
      extraParts: { [IMAGE_PART]: photo },
    }),
  );
  const types = new TextDecoder().decode(built["[Content_Types].xml"]);
  built["[Content_Types].xml"] = strToU8(types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default '));
  const order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", IMAGE_PART, "word/styles.xml", "word/_rels/document.xml.rels"];
  return rawZip(
    order.map((name) => ({
      name,
      data: built[name],
      stored: name === IMAGE_PART && options.stored,
      dataDescriptor: options.dataDescriptor,
    })),
  );
}
