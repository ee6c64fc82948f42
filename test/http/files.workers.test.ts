import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../src/http";
import { minimalDocx, plainZip } from "../support/docx-bytes";
import { restApp } from "../support/rest-app";
import { bearer, freshTenantName, tokenFor } from "../support/tokens";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const app = restApp();
const call = (path: string, init: RequestInit = {}) => app.request(`https://docx.example${path}`, init, env);
const filePath = (name: string) => `/api/files/${name.split("/").map(encodeURIComponent).join("/")}`;

function upload(token: string, name: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  return call(
    filePath(name),
    bearer(token, {
      method: "PUT",
      body: bytes,
      headers: { "Content-Type": DOCX_TYPE, "Content-Length": String(bytes.length), ...headers },
    }),
  );
}

type ErrorBody = { error: string; message: string };
type ListBody = { files: { name: string; size: number }[]; cursor?: string };

describe("document library", () => {
  it("uploads, lists, downloads and deletes a file", async () => {
    const { token } = await tokenFor(freshTenantName());
    const bytes = minimalDocx();

    const put = await upload(token, "reports/Q3 résumé.docx", bytes);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ file: { name: "reports/Q3 résumé.docx", size: bytes.length, contentType: DOCX_TYPE } });

    const list = await call("/api/files", bearer(token));
    expect(((await list.json()) as ListBody).files).toMatchObject([{ name: "reports/Q3 résumé.docx", size: bytes.length }]);

    const get = await call(filePath("reports/Q3 résumé.docx"), bearer(token));
    expect(get.status).toBe(200);
    expect(get.headers.get("Content-Type")).toBe(DOCX_TYPE);
    expect(get.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Q3 r_sum_.docx"; filename*=UTF-8''${encodeURIComponent("Q3 résumé.docx")}`,
    );
    expect(new Uint8Array(await get.arrayBuffer())).toEqual(bytes);

    const del = await call(filePath("reports/Q3 résumé.docx"), bearer(token, { method: "DELETE" }));
    expect(del.status).toBe(204);
    expect((await call(filePath("reports/Q3 résumé.docx"), bearer(token))).status).toBe(404);
  });

  it("accepts an upload without Content-Length by buffering it", async () => {
    const { token } = await tokenFor(freshTenantName());
    const bytes = minimalDocx();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10));
        controller.enqueue(bytes.subarray(10));
        controller.close();
      },
    });
    const res = await call(filePath("streamed.docx"), bearer(token, { method: "PUT", body, headers: { "Content-Type": DOCX_TYPE } }));
    expect(res.status).toBe(200);
    expect(new Uint8Array(await (await call(filePath("streamed.docx"), bearer(token))).arrayBuffer())).toEqual(bytes);
  });

  it("pages through the list with a cursor", async () => {
    const { token } = await tokenFor(freshTenantName());
    for (const name of ["a.docx", "b.docx", "c.docx"]) expect((await upload(token, name, minimalDocx(name))).status).toBe(200);
    const first = (await (await call("/api/files?limit=2", bearer(token))).json()) as ListBody;
    expect(first.files.map((f) => f.name)).toEqual(["a.docx", "b.docx"]);
    expect(first.cursor).toBeTruthy();
    const second = (await (await call(`/api/files?limit=2&cursor=${encodeURIComponent(first.cursor!)}`, bearer(token))).json()) as ListBody;
    expect(second.files.map((f) => f.name)).toEqual(["c.docx"]);
    expect(second.cursor).toBeUndefined();
  });

  it("rejects a nonsensical page size", async () => {
    const { token } = await tokenFor(freshTenantName());
    const res = await call("/api/files?limit=0", bearer(token));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error).toBe("invalid_argument");
  });

  it("answers 404 when deleting or downloading a missing file", async () => {
    const { token } = await tokenFor(freshTenantName());
    const del = await call(filePath("nothing.docx"), bearer(token, { method: "DELETE" }));
    expect(del.status).toBe(404);
    expect(await del.json()).toEqual({ error: "file_not_found", message: 'No file named "nothing.docx" in your library.' });
    expect((await call(filePath("nothing.docx"), bearer(token))).status).toBe(404);
  });

  it("requires a token", async () => {
    expect((await call("/api/files")).status).toBe(401);
  });
});

describe("file names", () => {
  const badNames: [string, string][] = [
    ["a parent-directory segment", "/api/files/..%2Fescape.docx"],
    ["a control character", "/api/files/bad%00name.docx"],
    ["a name that is too long", `/api/files/${"x".repeat(300)}.docx`],
    ["a leading slash", "/api/files/%2Fabsolute.docx"],
    ["an empty segment", "/api/files//double.docx"],
  ];
  for (const [what, path] of badNames) {
    it(`rejects ${what} with 400`, async () => {
      const { token } = await tokenFor(freshTenantName());
      for (const method of ["PUT", "GET", "DELETE"]) {
        const bytes = minimalDocx();
        const init = method === "PUT" ? { method, body: bytes, headers: { "Content-Length": String(bytes.length) } } : { method };
        const res = await call(path, bearer(token, init));
        expect(res.status, `${method} ${path}`).toBe(400);
        const body = (await res.json()) as ErrorBody;
        expect(body.error).toBe("invalid_name");
        expect(body.message).toMatch(/^Invalid file name/);
      }
    });
  }
});

describe("upload checks", () => {
  it("refuses an obviously wrong content type with 415", async () => {
    const { token } = await tokenFor(freshTenantName());
    const res = await upload(token, "notes.docx", minimalDocx(), { "Content-Type": "text/plain; charset=utf-8" });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: "unsupported_media_type", message: expect.stringContaining("text/plain") });
  });

  it("refuses bytes that are not a ZIP with 422 and stores nothing", async () => {
    const { token } = await tokenFor(freshTenantName());
    const res = await upload(token, "fake.docx", new TextEncoder().encode("just some text pretending"));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: "not_a_docx", message: expect.stringContaining("PK") });
    expect((await call(filePath("fake.docx"), bearer(token))).status).toBe(404);
  });

  it("refuses a ZIP without [Content_Types].xml with 422 and keeps the previous version", async () => {
    const { token } = await tokenFor(freshTenantName());
    const original = minimalDocx("original");
    expect((await upload(token, "keep.docx", original)).status).toBe(200);
    const res = await upload(token, "keep.docx", plainZip());
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).message).toContain("[Content_Types].xml");
    expect(new Uint8Array(await (await call(filePath("keep.docx"), bearer(token))).arrayBuffer())).toEqual(original);
  });

  it("refuses a declared size above 100 MB with 413 before reading the body", async () => {
    const { token } = await tokenFor(freshTenantName());
    const res = await call(
      filePath("huge.docx"),
      bearer(token, {
        method: "PUT",
        body: minimalDocx(),
        headers: { "Content-Type": DOCX_TYPE, "Content-Length": String(MAX_UPLOAD_BYTES + 1) },
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: "file_too_large", message: expect.stringContaining("100 MB") });
  });

  it("refuses a body shorter than its Content-Length with 400 and stores nothing", async () => {
    const { token } = await tokenFor(freshTenantName());
    const bytes = minimalDocx();
    const res = await upload(token, "short.docx", bytes, { "Content-Length": String(bytes.length + 10) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", message: expect.stringContaining("Content-Length") });
    expect((await call(filePath("short.docx"), bearer(token))).status).toBe(404);
  });

  it("refuses a body longer than its Content-Length with 400 and stores nothing", async () => {
    const { token } = await tokenFor(freshTenantName());
    const bytes = minimalDocx();
    const res = await upload(token, "long.docx", bytes, { "Content-Length": String(bytes.length - 10) });
    expect(res.status).toBe(400);
    expect((await call(filePath("long.docx"), bearer(token))).status).toBe(404);
  });

  it("caps uploads without Content-Length at 32 MB with 413", async () => {
    const { token } = await tokenFor(freshTenantName());
    const chunk = new Uint8Array(1024 * 1024);
    chunk.set([0x50, 0x4b, 0x03, 0x04]);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await call(filePath("unsized.docx"), bearer(token, { method: "PUT", body, headers: { "Content-Type": DOCX_TYPE } }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).message).toContain("Content-Length");
    expect(sent).toBeLessThan(40);
  });

  it("refuses an empty body with 422", async () => {
    const { token } = await tokenFor(freshTenantName());
    const res = await upload(token, "empty.docx", new Uint8Array(0));
    expect(res.status).toBe(422);
  });
});

describe("scopes and tenants", () => {
  it("lets a read-only token read but not write or delete", async () => {
    const tenant = freshTenantName();
    const writer = await tokenFor(tenant);
    const reader = await tokenFor(tenant, { scopes: ["read"] });
    expect((await upload(writer.token, "shared.docx", minimalDocx())).status).toBe(200);

    expect((await call(filePath("shared.docx"), bearer(reader.token))).status).toBe(200);
    const put = await upload(reader.token, "shared.docx", minimalDocx("overwrite"));
    expect(put.status).toBe(403);
    expect(put.headers.get("WWW-Authenticate")).toContain('error="insufficient_scope", scope="write"');
    expect(await put.json()).toMatchObject({ error: "forbidden", message: expect.stringContaining("'write' scope") });
    expect((await call(filePath("shared.docx"), bearer(reader.token, { method: "DELETE" }))).status).toBe(403);
    expect((await call(filePath("shared.docx"), bearer(writer.token))).status).toBe(200);
  });

  it("keeps tenant A's token away from tenant B's files", async () => {
    const a = await tokenFor(freshTenantName("a"));
    const b = await tokenFor(freshTenantName("b"));
    const secret = minimalDocx("tenant B only");
    expect((await upload(b.token, "secret.docx", secret)).status).toBe(200);

    expect(((await (await call("/api/files", bearer(a.token))).json()) as ListBody).files).toEqual([]);
    expect((await call(filePath("secret.docx"), bearer(a.token))).status).toBe(404);
    expect((await call(filePath("secret.docx"), bearer(a.token, { method: "DELETE" }))).status).toBe(404);
    expect((await upload(a.token, "secret.docx", minimalDocx("tenant A"))).status).toBe(200);

    const bCopy = await call(filePath("secret.docx"), bearer(b.token));
    expect(new Uint8Array(await bCopy.arrayBuffer())).toEqual(secret);
    expect(((await (await call("/api/files", bearer(b.token))).json()) as ListBody).files).toHaveLength(1);
  });

  it("refuses an upload past the tenant's library quota with 429 naming used and limit, storing nothing", async () => {
    const { token } = await tokenFor(freshTenantName("quota"));
    const first = minimalDocx("first");
    expect((await upload(token, "first.docx", first)).status).toBe(200);
    const second = minimalDocx("second, a little longer than the first");
    // The quota holds the first file and not quite the second.
    const tight = { ...env, LIBRARY_QUOTA_BYTES: String(first.length + second.length - 1) };
    const put = await app.request(
      `https://docx.example${filePath("second.docx")}`,
      bearer(token, { method: "PUT", body: second, headers: { "Content-Type": DOCX_TYPE, "Content-Length": String(second.length) } }),
      tight,
    );
    expect(put.status).toBe(429);
    const body = (await put.json()) as ErrorBody;
    expect(body.error).toBe("quota_exceeded");
    expect(body.message).toContain(`past its ${((first.length + second.length - 1) / 1024).toFixed(1)} KB quota`);
    expect(first.length).toBeLessThan(1024); // so the message gives it in bytes
    expect(body.message).toContain(`(it holds ${first.length} bytes now)`);
    expect(((await (await call("/api/files", bearer(token))).json()) as ListBody).files.map((f) => f.name)).toEqual(["first.docx"]);
    // Replacing the first file with one of the same size fits: its old bytes are freed by the write.
    const replaced = await app.request(
      `https://docx.example${filePath("first.docx")}`,
      bearer(token, { method: "PUT", body: first, headers: { "Content-Type": DOCX_TYPE, "Content-Length": String(first.length) } }),
      tight,
    );
    expect(replaced.status).toBe(200);
  });
});
