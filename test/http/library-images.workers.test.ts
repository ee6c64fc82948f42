import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_LIBRARY_IMAGE_BYTES } from "../../src/sessions/index";
import { tokenFor } from "../support/access-tokens";
import { libraryClient } from "../support/library-client";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// Pictures in the library: uploaded over REST, checked by their bytes, listed with their type, used by add_element.

/** A 2x1 PNG, as image editors write it. */
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII="),
  (c) => c.charCodeAt(0),
);
/** The start of a JPEG (SOI and a JFIF APP0 segment). */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
]);

async function setup(name: string) {
  const owner = await tokenFor(name);
  const library = libraryClient(owner.headers);
  const put = (file: string, bytes: Uint8Array, type = "application/octet-stream") => library.put(file, bytes, type);
  return { owner, put, files: library.files };
}

describe("pictures in the library", () => {
  it("takes PNG, JPEG and GIF by their bytes and lists them with their content type", async () => {
    const { put, files } = await setup("img-upload");
    expect((await put("pics/logo.png", PNG, "image/png")).status).toBe(200);
    expect((await put("pics/photo.jpg", JPEG)).status).toBe(200);
    expect((await files()).map((f) => [f.name, f.contentType])).toEqual([
      ["pics/logo.png", "image/png"],
      ["pics/photo.jpg", "image/jpeg"],
    ]);
  });

  it("refuses a picture over the limit, sent without a length, with 413 naming the limit, storing nothing", async () => {
    const { owner, files } = await setup("img-too-large");
    const limit = MAX_LIBRARY_IMAGE_BYTES;
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > limit) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await workerFetch("/api/files/pics/huge.png", {
      method: "PUT",
      headers: { ...owner.headers, "content-type": "image/png" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    const failure = (await res.json()) as { error: string; message: string };
    expect(failure.error).toBe("file_too_large");
    expect(failure.message).toContain(`pics/huge.png is larger than ${limit / (1024 * 1024)} MB`);
    expect(await files()).toEqual([]);
  });

  it("refuses a picture whose extension lies about its bytes, or bytes that are no picture, storing nothing", async () => {
    const { put, files } = await setup("img-lying");
    const lying = await put("pics/photo.png", JPEG);
    expect(lying.status).toBe(422);
    const body = (await lying.json()) as { error: string; message: string };
    expect(body.error).toBe("invalid_image");
    expect(body.message).toContain("image/jpeg, not the image/png its name says");
    const text = await put("notes.gif", new TextEncoder().encode("GIF? no, text"));
    expect(text.status).toBe(422);
    expect((await put("pics/logo.png", PNG, "text/plain")).status).toBe(415);
    expect(await files()).toEqual([]);
  });

  it("inserts a library PNG with add_element, and the saved .docx carries its exact bytes", async () => {
    const { owner, put } = await setup("img-insert");
    expect((await put("pics/logo.png", PNG)).status).toBe(200);
    const client = await connectMcp(owner.headers);
    const id = (await callOk(client, "document_create")).session.id;
    const added = await callOk(client, "add_element", {
      doc_id: id,
      path: "/body/children/0",
      value: { type: "image", file: "pics/logo.png", alt: "Logo" },
    });
    expect(added.position).toBe(1);
    const saved = await callOk(client, "document_save", { doc_id: id, output_path: "with-logo.docx" });
    const docx = new Uint8Array(await (await workerFetch(saved.file.download, { headers: owner.headers })).arrayBuffer());
    const parts = unzipSync(docx);
    expect(parts["word/media/image1.png"]).toEqual(PNG);
    expect(new TextDecoder().decode(parts["[Content_Types].xml"])).toContain('Extension="png" ContentType="image/png"');

    // A library file that is no picture is refused with its name.
    const notImage = await callError(client, "add_element", {
      doc_id: id,
      path: "/body/children/0",
      value: { type: "image", file: "with-logo.docx" },
    });
    expect(notImage).toMatchObject({ kind: "invalid_image", name: "with-logo.docx" });
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(1);
  });
});
