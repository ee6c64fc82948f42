// The floor for small warm tool calls: a minimal stateless MCP Worker with one trivial tool, on the same SDK v2
// handler and workerd as docx-edge (bench/warm-calls.mjs drives both side by side).
import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: "floor", version: "1.0.0" });
  server.registerTool("echo", { description: "Echoes its text.", inputSchema: z.object({ text: z.string() }) }, async ({ text }) => ({
    content: [{ type: "text", text }],
    structuredContent: { text },
  }));
  return server;
});

export default handler;
