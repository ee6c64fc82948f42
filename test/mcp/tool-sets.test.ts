import { describe, expect, it } from "vitest";
import type { Scope, ToolSet } from "../../src/mcp/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { callError, callOk, connectMcp, testLibrary, tokenFor } from "../support/mcp-memory";

/** A tenant whose token has the given scopes and tool set, with one document open. */
async function openAs(tenant: string, toolSet: ToolSet, scopes: Scope[] = ["read", "write"]) {
  const auth = await tokenFor(tenant, scopes, { toolSet });
  await testLibrary.write(auth.tenantId, "t.docx", buildDocx({ body: p("Alpha beta") + p("Gamma beta") + p("Delta") }));
  const client = await connectMcp(auth.headers);
  const { session } = await callOk(client, "document_open", { path: "t.docx" });
  const texts = async () =>
    ((await callOk(client, "query", { doc_id: session.id, path: "/body/paragraph[*]", format: "json" })).items as { text: string }[]).map(
      (item) => item.text,
    );
  return { client, id: session.id as string, texts };
}

const withoutDocId = ({ doc_id: _id, ...rest }: Record<string, unknown>) => rest;

describe("tool sets over MCP", () => {
  it("lists apply_patch and no single-edit tool to a compact token, within 35,000 characters", async () => {
    const { client } = await openAs("ts-list-compact", "compact");
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain("apply_patch");
    expect(names).toEqual(expect.arrayContaining(["document_open", "query", "document_undo", "comment_list", "export"]));
    expect(names).not.toContain("replace_text");
    expect(JSON.stringify({ tools }).length).toBeLessThanOrEqual(35_000);
  });

  it("lists all 48 docx-mcp tools to a complete token", async () => {
    const { client } = await openAs("ts-list-complete", "complete");
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toHaveLength(48);
    expect(names).toEqual(expect.arrayContaining(["replace_text", "add_element", "style_table", "apply_patch"]));
  });

  it("lets a compact token call replace_text by name, with the complete token's result", async () => {
    const results = [];
    for (const toolSet of ["compact", "complete"] as const) {
      const { client, id, texts } = await openAs(`ts-call-${toolSet}`, toolSet);
      const result = await callOk(client, "replace_text", { doc_id: id, find: "beta", replace: "BETA", max_count: 5 });
      results.push({ result: withoutDocId(result), texts: await texts() });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0].texts).toEqual(["Alpha BETA", "Gamma BETA", "Delta"]);
    expect(results[0].result).toMatchObject({ matches_found: 2, replacements_made: 2, position: 1 });
  });

  it("takes every edit tool's name and parameters as an apply_patch op, as one history entry", async () => {
    const { client, id, texts } = await openAs("ts-patch-names", "compact");
    await callOk(client, "apply_patch", {
      doc_id: id,
      patches: [
        { op: "replace_text", find: "beta", replace: "b", path: "/body/paragraph[0]" },
        { op: "add_element", path: "/body/children/3", value: { type: "paragraph", text: "Epsilon" } },
        { op: "move_element", from: "/body/paragraph[3]", to: "/body/children/0" },
        { op: "remove_element", path: "/body/paragraph[2]" },
      ],
    });
    expect(await texts()).toEqual(["Epsilon", "Alpha b", "Delta"]);
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(1);
  });

  it("refuses an op under a tool's name with the engine's field name, as objects or JSON text, and changes nothing", async () => {
    const { client, id, texts } = await openAs("ts-patch-fields", "compact");
    const entry = { op: "move_element", from: "/body/paragraph[2]", path: "/body/children/0" };
    const asObjects = await callError(client, "apply_patch", { doc_id: id, patches: [entry] });
    expect(asObjects.message).toContain('patches.0: Unrecognized key: "path"');
    const asText = await callError(client, "apply_patch", { doc_id: id, patches: JSON.stringify([entry]) });
    expect(asText).toMatchObject({ kind: "invalid_argument", field: "patches[0]" });
    expect(asText.message).toBe("patches[0] (move_element) has no field path; move_element takes from, to.");
    // A misspelt op is answered with the op names there are, the single-edit tools' among them.
    const misspelt = await callError(client, "apply_patch", { doc_id: id, patches: [{ op: "replace_txt", find: "a", replace: "b" }] });
    expect(misspelt.message).toMatch(/patches\.0\.op: Invalid discriminator value\. Expected .*'replace_text'.*'move_element'/);
    expect(await texts()).toEqual(["Alpha beta", "Gamma beta", "Delta"]);
    expect((await callOk(client, "document_history", { doc_id: id })).total).toBe(0);
  });

  it("still keeps a read token from calling edit tools, whatever its set", async () => {
    for (const toolSet of ["compact", "complete"] as const) {
      const { client, id, texts } = await openAs(`ts-read-${toolSet}`, toolSet, ["read"]);
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).not.toContain("apply_patch");
      const error = await callError(client, "replace_text", { doc_id: id, find: "beta", replace: "x" });
      expect(error.message).toMatch(/write/);
      expect(await texts()).toEqual(["Alpha beta", "Gamma beta", "Delta"]);
    }
  });
});
