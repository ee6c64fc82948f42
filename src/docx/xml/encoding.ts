/** Decodes XML part bytes per their byte-order mark (XML 1.0 Appendix F) and encodes them back the same way. */
export type PartEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

export function detectEncoding(bytes: Uint8Array): PartEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

export function decodePart(bytes: Uint8Array): { text: string; encoding: PartEncoding } {
  const encoding = detectEncoding(bytes);
  // The BOM is dropped from the text and written back by encodePart.
  if (encoding === "utf-8" || encoding === "utf-8-bom") return { text: new TextDecoder("utf-8").decode(bytes), encoding };
  // UTF-16 by hand: not every runtime's TextDecoder knows utf-16be.
  const little = encoding === "utf-16le";
  const parts: string[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 16384) {
    const end = Math.min(bytes.length - 1, i + 16384);
    const units: number[] = [];
    for (let k = i; k < end; k += 2) units.push(little ? bytes[k] | (bytes[k + 1] << 8) : (bytes[k] << 8) | bytes[k + 1]);
    parts.push(String.fromCharCode(...units));
  }
  return { text: parts.join(""), encoding };
}

export function encodePart(text: string, encoding: PartEncoding): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  if (encoding === "utf-8-bom") {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  const little = encoding === "utf-16le";
  view.setUint16(0, 0xfeff, little);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little);
  return out;
}
