// Prints the size of tools/list (characters of JSON, as a client receives it) for a write token and a read-only one,
// and the largest tools. Target: at most 35,000 characters for a write token. A figure, not a test: nothing asserts.
import { toolListFor } from "../src/mcp/tool-catalogue";

const size = (value: unknown) => JSON.stringify(value).length;
const all = toolListFor(["read", "write"]);
const readOnly = toolListFor(["read"]);
console.log(
  `tools/list: ${all.length} tools, ${size({ tools: all }).toLocaleString("en-US")} characters of JSON for a write token ` +
    `(target <= 35,000); read-only token: ${readOnly.length} tools, ${size({ tools: readOnly }).toLocaleString("en-US")}`,
);
const largest = [...all].sort((a, b) => size(b) - size(a)).slice(0, 5);
console.log(`  largest: ${largest.map((t) => `${t.name} ${size(t).toLocaleString("en-US")}`).join(", ")}`);
