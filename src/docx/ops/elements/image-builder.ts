/**
 * A paragraph holding an inline picture (§20.4.2.8 wp:inline, §20.2.2.5 pic:pic): the bytes become a media part with a
 * Default content type and an image relationship that a:blip r:embed names. PNG, JPEG and GIF are told by magic bytes.
 */
import { element, type XmlElement } from "../../xml/index.js";
import { type BuildContext, wEl } from "./build-context.js";
import { paragraph, paragraphProperties } from "./paragraph-builder.js";
import { invalid, type JsonObject, onlyKnown, optionalEnum, optionalNumber, optionalObject, optionalString } from "./value-fields.js";

const NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const EMU = { px: 9525, cm: 360_000 } as const;
/** Largest picture an element value may carry. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

interface Format {
  ext: string;
  mime: string;
  size(b: Uint8Array): [number, number] | null;
}

const FORMATS: { magic: number[]; format: Format }[] = [
  {
    magic: [0x89, 0x50, 0x4e, 0x47],
    format: { ext: "png", mime: "image/png", size: (b) => (b.length >= 24 ? [u32(b, 16), u32(b, 20)] : null) },
  },
  { magic: [0xff, 0xd8, 0xff], format: { ext: "jpeg", mime: "image/jpeg", size: jpegSize } },
  {
    magic: [0x47, 0x49, 0x46, 0x38],
    format: { ext: "gif", mime: "image/gif", size: (b) => (b.length >= 10 ? [b[6] | (b[7] << 8), b[8] | (b[9] << 8)] : null) },
  },
];

/** The picture format of `bytes` by their magic bytes (PNG, JPEG, GIF), or null when they are none of these. */
export function imageFormatOf(bytes: Uint8Array): { ext: string; mime: string } | null {
  const format = FORMATS.find((f) => f.magic.every((m, i) => bytes[i] === m))?.format;
  return format ? { ext: format.ext, mime: format.mime } : null;
}

export function buildImage(ctx: BuildContext, v: JsonObject, field: string): XmlElement {
  onlyKnown(v, field, "an image value", ["type", "data", "unit", "width", "height", "alt", "properties"]);
  const data = optionalString(v, "data", field);
  if (!data)
    throw invalid(
      `${field}.data`,
      'is required: the image bytes in base64 (PNG, JPEG or GIF), e.g. {"type":"image","data":"iVBORw0...","width":200}.',
    );
  const bytes = decodeBase64(data, `${field}.data`);
  const format = FORMATS.find((f) => f.magic.every((m, i) => bytes[i] === m))?.format;
  if (!format) throw invalid(`${field}.data`, "is not a PNG, JPEG or GIF image (checked by its first bytes).");
  const unit = optionalEnum(v, "unit", field, ["px", "cm"] as const) ?? "px";
  let width = optionalNumber(v, "width", field, 0.01, unit === "px" ? 20_000 : 500, false);
  let height = optionalNumber(v, "height", field, 0.01, unit === "px" ? 20_000 : 500, false);
  const natural = format.size(bytes);
  if (width === undefined || height === undefined) {
    if (!natural || natural[0] <= 0 || natural[1] <= 0)
      throw invalid(`${field}.width`, "and height are required: the image's own size could not be read.");
    const [nw, nh] = unit === "px" ? natural : [natural[0] / 37.8, natural[1] / 37.8];
    if (width === undefined && height === undefined) [width, height] = [nw, nh];
    else if (width === undefined) width = (height! * nw) / nh;
    else height = (width * nh) / nw;
  }
  const cx = Math.round(width * EMU[unit]);
  const cy = Math.round(height! * EMU[unit]);
  const alt = optionalString(v, "alt", field) ?? "";
  const props = paragraphProperties(ctx, optionalObject(v, "properties", field), `${field}.properties`);
  const rId = addMedia(ctx, bytes, format);
  return paragraph(ctx, props, [wEl(ctx, "r", {}, [wEl(ctx, "drawing", {}, [inline(ctx, rId, cx, cy, alt)])])]);
}

function addMedia(ctx: BuildContext, bytes: Uint8Array, format: Format): string {
  const dir = ctx.part.includes("/") ? ctx.part.slice(0, ctx.part.lastIndexOf("/") + 1) : "";
  let n = 1;
  while (ctx.doc.parts.has(`${dir}media/image${n}.${format.ext}`)) n++;
  const name = `media/image${n}.${format.ext}`;
  ctx.doc.parts.write(dir + name, bytes);
  ctx.doc.ensureDefaultContentType(format.ext, format.mime);
  return ctx.doc.addRelationship(ctx.part, "image", name);
}

/** wp:inline with its namespaces declared on the elements themselves, so any part can hold it. */
function inline(ctx: BuildContext, rId: string, cx: number, cy: number, alt: string): XmlElement {
  const a = (local: string, attrs: Record<string, string | number> = {}, kids: XmlElement[] = []) => el("a:" + local, attrs, kids);
  const docPrId = parseInt(ctx.doc.ids.fresh(), 16);
  const pic = el("pic:pic", { "xmlns:pic": NS_PIC }, [
    el("pic:nvPicPr", {}, [el("pic:cNvPr", { id: 0, name: `Picture ${docPrId}`, descr: alt }), el("pic:cNvPicPr")]),
    el("pic:blipFill", {}, [a("blip", { [ctx.prefixes.r + "embed"]: rId }), a("stretch", {}, [a("fillRect")])]),
    el("pic:spPr", {}, [a("xfrm", {}, [a("off", { x: 0, y: 0 }), a("ext", { cx, cy })]), a("prstGeom", { prst: "rect" }, [a("avLst")])]),
  ]);
  return el("wp:inline", { "xmlns:wp": NS_WP, distT: 0, distB: 0, distL: 0, distR: 0 }, [
    el("wp:extent", { cx, cy }),
    el("wp:docPr", { id: docPrId, name: `Picture ${docPrId}`, descr: alt }),
    el("wp:cNvGraphicFramePr", {}, [a("graphicFrameLocks", { "xmlns:a": NS_A, noChangeAspect: 1 })]),
    a("graphic", { "xmlns:a": NS_A }, [a("graphicData", { uri: NS_PIC }, [pic])]),
  ]);
}

function el(name: string, attrs: Record<string, string | number> = {}, kids: XmlElement[] = []): XmlElement {
  return element(
    name,
    Object.entries(attrs).map(([k, val]) => ({ name: k, value: String(val) })),
    kids,
  );
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

/** Width and height from the first start-of-frame marker (SOF0-SOF15 except DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): [number, number] | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const length = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return [(b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]];
    i += 2 + length;
  }
  return null;
}

function decodeBase64(text: string, field: string): Uint8Array {
  const clean = text.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw invalid(field, "is not valid base64.");
  if (clean.length * 0.75 > MAX_IMAGE_BYTES) throw invalid(field, `is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const s = atob(clean);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
