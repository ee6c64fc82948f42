import { env } from "cloudflare:test";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildDocx, p } from "../docx/support/build-docx";
import { tokenFor } from "../support/access-tokens";
import { DOCX_TYPE, libraryClient } from "../support/library-client";
import { callError, callOk, connectMcp, workerFetch } from "../support/mcp-client";

// A .docx that document_open would refuse is refused at upload, with the same error, and never stored or listed.

const GOOD = buildDocx({ body: p("Fine") });

/** GOOD with its main part rewritten. */
function withMainPart(change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(GOOD);
  parts["word/document.xml"] = strToU8(change(strFromU8(parts["word/document.xml"])));
  return zipSync(parts);
}

const HOSTILE: Record<string, Uint8Array> = {
  // An external entity: the engine refuses any DOCTYPE.
  xxe: withMainPart((xml) => xml.replace("?>", '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace("Fine", "&x;")),
  // 10,000 levels of nesting, far past the XML depth limit.
  deep: withMainPart((xml) =>
    xml.replace("<w:body>", `<w:body>${"<w:sdt><w:sdtContent>".repeat(5_000)}${"</w:sdtContent></w:sdt>".repeat(5_000)}`),
  ),
  // 100 MB of zeros in 100 KB: past the compression ratio limit.
  bomb: zipSync({ ...unzipSync(GOOD), "word/media/zeros.bin": new Uint8Array(100 * 1024 * 1024) }, { level: 9 }),
  // A ZIP whose main part is not WordprocessingML.
  "wrong main part": withMainPart(() => '<?xml version="1.0"?><html/>'),
};

async function setup(name: string) {
  const owner = await tokenFor(name);
  return { owner, ...libraryClient(owner.headers) };
}

describe(".docx uploads", () => {
  it.each(Object.keys(HOSTILE))("refuses a %s upload at upload time with 422, storing nothing", async (kind) => {
    const { put, names } = await setup(`upload-hostile-${kind.replace(/\W/g, "-")}`);
    const res = await put("hostile.docx", HOSTILE[kind]);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("not_a_docx");
    expect(body.message).toContain("hostile.docx cannot be opened as a Word document");
    expect(await names()).toEqual([]);
  });

  it("gives the same error at upload as document_open gives for a file already in the library", async () => {
    const { owner, put } = await setup("upload-same-error");
    const res = await put("deep.docx", HOSTILE.deep);
    const uploadError = ((await res.json()) as { message: string }).message;
    // Stored behind the check's back (as older uploads were), document_open refuses it with the same words.
    await workerFetch("/api/files/ok.docx", { method: "PUT", headers: { ...owner.headers, "content-type": DOCX_TYPE }, body: GOOD });
    await env.DOCS.put(`t/${owner.tenantId}/lib/deep.docx`, HOSTILE.deep);
    const client = await connectMcp(owner.headers);
    const openError = await callError(client, "document_open", { path: "deep.docx" });
    expect(openError.kind).toBe("not_a_docx");
    expect(openError.message).toBe(uploadError);
    expect((await callOk(client, "document_open", { path: "ok.docx" })).session.source).toBe("ok.docx");
  });
});
