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
  return docxWithImages([photo], options);
}

/** Name of the i-th (0-based) image part of docxWithImages. */
export const imagePart = (i: number) => `word/media/image${i + 1}.png`;

/** Like docxWithImage with several photos, word/media/image1.png onwards (or `names`), all between the XML parts. */
export function docxWithImages(
  photos: Uint8Array[],
  options: { paragraphs?: string[]; stored?: boolean; dataDescriptor?: boolean; names?: string[] } = {},
): Uint8Array {
  const images = options.names ?? photos.map((_, i) => imagePart(i));
  const built = unzipSync(
    buildDocx({
      body: (options.paragraphs ?? ["First", "Second"]).map((t) => p(t)).join(""),
      relationships: Object.fromEntries(images.map((name, i) => [i === 0 ? "rIdImg" : `rIdImg${i + 1}`, ["image", name.slice(5)]])),
      extraParts: Object.fromEntries(images.map((name, i) => [name, photos[i]])),
    }),
  );
  const types = new TextDecoder().decode(built["[Content_Types].xml"]);
  built["[Content_Types].xml"] = strToU8(types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default '));
  const order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", ...images, "word/styles.xml", "word/_rels/document.xml.rels"];
  return rawZip(
    order.map((name) => ({
      name,
      data: built[name],
      stored: images.includes(name) && options.stored,
      dataDescriptor: options.dataDescriptor,
    })),
  );
}
