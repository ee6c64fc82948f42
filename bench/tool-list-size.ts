// Prints the size of tools/list (characters of JSON, as a client receives it) for each tool set a write token can have,
// and for a read-only token, with the largest tools. Target: at most 35,000 characters for the default (compact) set
// of a write token. A figure, not a test: nothing asserts.
import type { ToolSet } from "../src/mcp/index";
import { toolListFor } from "../src/mcp/tool-catalogue";

const size = (value: unknown) => JSON.stringify(value).length;
const chars = (n: number) => n.toLocaleString("en-US");
for (const toolSet of ["compact", "complete"] satisfies ToolSet[]) {
  const write = toolListFor(["read", "write"], toolSet);
  const read = toolListFor(["read"], toolSet);
  const target = toolSet === "compact" ? " (default; target <= 35,000)" : "";
  console.log(
    `tools/list, ${toolSet} set: ${write.length} tools, ${chars(size({ tools: write }))} characters of JSON for a write token${target}; ` +
      `read-only token: ${read.length} tools, ${chars(size({ tools: read }))}`,
  );
  const largest = [...write].sort((a, b) => size(b) - size(a)).slice(0, 5);
  console.log(`  largest: ${largest.map((t) => `${t.name} ${chars(size(t))}`).join(", ")}`);
}
