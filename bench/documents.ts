/**
 * The documents the engine bench measures: the generated S, M and L reports from the shared corpus, any .docx given
 * by path, and "60MB": the M report plus 30 incompressible 2 MB images, built here (and cached in the temp folder).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ByteSource, DocxDocument } from "../src/docx/index.js";
import { DocxPackage } from "../src/docx/package/index.js";
import { rangeStream } from "../src/storage/memory/blob-source.js";

const corpus = process.env.DOCX_CORPUS ?? new URL("../../shared/corpus/generated/", import.meta.url).pathname;
const IMAGES = 30;
const IMAGE_BYTES = 2 * 1024 * 1024;

export function loadBenchDocument(label: string): { bytes: Uint8Array; source: string } {
  const source = benchDocumentPath(label);
  return { bytes: new Uint8Array(readFileSync(source)), source };
}

export function benchDocumentPath(label: string): string {
  return label.endsWith(".docx") ? label : label === "60MB" ? largeDocumentPath() : `${corpus}${label}.docx`;
}

/** A file read by ranges, as R2 serves an object: nothing of it is in memory but what was asked for. */
export interface FileSource extends ByteSource {
  bytesRead: number;
  requests: number;
  close(): void;
}

export function fileSource(path: string): FileSource {
  const fd = openSync(path, "r");
  const readAt = (offset: number, length: number) => {
    const out = new Uint8Array(length);
    let done = 0;
    while (done < length) done += readSync(fd, out, done, length - done, offset + done) || length;
    source.bytesRead += length;
    return out;
  };
  const source: FileSource = {
    size: statSync(path).size,
    bytesRead: 0,
    requests: 0,
    async read(offset, length) {
      source.requests++;
      return readAt(offset, length);
    },
    async stream(offset, length) {
      source.requests++;
      return rangeStream(offset, length, readAt);
    },
    close: () => closeSync(fd),
  };
  return source;
}

/** Pseudo-random bytes (xorshift32): deflate cannot shrink them, like the photos in a real report. */
function noise(length: number, seed: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(length / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer, 0, length);
}

function largeDocumentPath(): string {
  const path = join(tmpdir(), "docx-edge-bench-60MB.docx");
  if (existsSync(path)) return path;
  const pkg = DocxPackage.open(new Uint8Array(readFileSync(`${corpus}M.docx`)));
  const main = pkg.mainDocumentName();
  const relsName = main.replace(/([^/]+)$/, "_rels/$1.rels");
  const text = (name: string) => new TextDecoder().decode(pkg.readBytes(name));
  let rels = text(relsName);
  for (let i = 1; i <= IMAGES; i++) {
    // Stored as Word stores PNGs (deflated, which gains nothing here) and related to the main part like real images.
    pkg.writeBytes(`word/media/bench-image${i}.png`, noise(IMAGE_BYTES, i));
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdBenchImage${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/bench-image${i}.png"/></Relationships>`,
    );
  }
  pkg.writeBytes(relsName, new TextEncoder().encode(rels));
  const types = text("[Content_Types].xml");
  if (!/Extension="png"/i.test(types)) {
    pkg.writeBytes(
      "[Content_Types].xml",
      new TextEncoder().encode(types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ')),
    );
  }
  writeFileSync(path, pkg.save());
  return path;
}

/**
 * The 60 MB document as someone else saved it after changing one image (bench-image7.png, same size, other bytes)
 * and one paragraph: what sync_external_changes brings in. Built by streaming, so it never holds the file whole.
 */
export async function changedLargeDocumentPath(): Promise<string> {
  const path = join(tmpdir(), "docx-edge-bench-60MB-changed.docx");
  if (existsSync(path)) return path;
  const source = fileSource(largeDocumentPath());
  const doc = await DocxDocument.openFrom(source);
  const image = "word/media/bench-image7.png";
  await doc.loadParts([image]);
  doc.model.parts.write(image, noise(IMAGE_BYTES, 1007));
  doc.replaceParagraphText("/body/paragraph[3]", "Changed outside the session");
  const reader = doc.saveStream().stream.getReader();
  const fd = openSync(`${path}.part`, "w");
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) writeSync(fd, chunk.value);
  closeSync(fd);
  source.close();
  renameSync(`${path}.part`, path);
  return path;
}
