import { it } from "vitest";
import { toolListFor } from "../src/mcp/tool-catalogue";

it("size", () => {
  const tools = toolListFor(["read", "write"]);
  console.log("TOTAL", JSON.stringify({ tools }).length);
  const rows = tools.map((t) => ({
    n: t.name,
    all: JSON.stringify(t).length,
    desc: (t.description ?? "").length,
    inS: JSON.stringify(t.inputSchema).length,
    outS: JSON.stringify(t.outputSchema ?? {}).length,
  }));
  rows.sort((a, b) => b.all - a.all);
  for (const r of rows) console.log(r.n.padEnd(24), r.all, r.desc, r.inS, r.outS);
  const propDesc = JSON.stringify(tools)
    .match(/"description":"[^"]*"/g)!
    .reduce((n, s) => n + s.length, 0);
  console.log("all description strings", propDesc);
  console.log("int bounds", (JSON.stringify(tools).match(/9007199254740991/g) ?? []).length);
});
