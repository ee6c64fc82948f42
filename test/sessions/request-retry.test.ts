import { describe, expect, it } from "vitest";
import type { RequestRecord } from "../../src/sessions/index";
import { checkSameCall, tagRequest } from "../../src/sessions/request-retry";

const edit = (over: Partial<RequestRecord & { kind: "edit" }> = {}): RequestRecord => ({
  kind: "edit",
  tool: "replace_text",
  digest: null,
  position: 3,
  result: null,
  state: "in_history",
  retiredAt: null,
  ...over,
});

describe("tagRequest", () => {
  it("digests the tool and arguments, whatever their key order, leaving request_id out", async () => {
    const a = await tagRequest({ id: "r", tool: "replace_text", args: { doc_id: "d", find: "x", replace: "y", request_id: "r" } });
    const b = await tagRequest({ id: "r", tool: "replace_text", args: { replace: "y", find: "x", doc_id: "d" } });
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(a.digest).toBe(b.digest);
    expect((await tagRequest({ id: "r", tool: "insert_text", args: { doc_id: "d", find: "x", replace: "y" } })).digest).not.toBe(a.digest);
    expect((await tagRequest({ id: "r", tool: "replace_text", args: { doc_id: "d", find: "x", replace: "z" } })).digest).not.toBe(a.digest);
  });
});

describe("checkSameCall", () => {
  it("accepts the same call, and an entry from before digests were stored", async () => {
    const tag = await tagRequest({ id: "r", tool: "replace_text", args: { find: "x" } });
    expect(() => checkSameCall("s", tag, edit({ digest: tag.digest }), "edit")).not.toThrow();
    expect(() => checkSameCall("s", tag, edit(), "edit")).not.toThrow();
  });

  it("refuses another tool, other arguments, or a move where an edit was, naming what the id did", async () => {
    const tag = await tagRequest({ id: "r", tool: "replace_text", args: { find: "x" } });
    const reused = (earlier: RequestRecord, kind: "edit" | "move") => {
      try {
        checkSameCall("s", tag, earlier, kind);
      } catch (error) {
        return (error as { failure: { kind: string; message: string } }).failure;
      }
      throw new Error("accepted");
    };
    expect(reused(edit({ digest: "other" }), "edit").message).toContain("replace_text (history position 3) with different arguments");
    expect(reused(edit({ tool: "insert_text" }), "edit").kind).toBe("request_id_reused");
    expect(reused({ kind: "move", tool: "", digest: null, from: 2, to: 1 }, "edit").kind).toBe("request_id_reused");
  });
});
