import { describe, expect, it } from "vitest";
import type { LibraryStore } from "../../src/sessions/index";
import { buildDocx, p } from "../docx/support/build-docx";
import { connectMcp, testLibrary, tokenFor } from "../support/mcp-memory";

/** The shared test library, answering reads only after a delay. */
function slowLibrary(delayMs: number): LibraryStore {
  const sleep = () => new Promise((resolve) => setTimeout(resolve, delayMs));
  return new Proxy(testLibrary, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await sleep();
        return value.apply(target, args);
      };
    },
  });
}

describe("progress on long tool calls", () => {
  it("sends notifications/progress while a long call runs when the client passed a progress token", async () => {
    // Progress every 5 ms against a library as slow as a remote store (timers fire while a call awaits I/O), so a
    // few thousand paragraphs make a "long" call without slowing the suite.
    const auth = await tokenFor("progress", ["read", "write"], { progressEveryMs: 5, library: slowLibrary(30) });
    const paragraphs = Array.from({ length: 6000 }, (_, i) => p(`Paragraph ${i} of a long report, with some words to parse.`)).join("");
    await testLibrary.write(auth.tenantId, "long.docx", buildDocx({ body: paragraphs }));
    const client = await connectMcp(auth.headers);
    const updates: { progress: number; message?: string }[] = [];
    const started = performance.now();
    const result = await client.callTool(
      { name: "document_open", arguments: { path: "long.docx" } },
      {
        onprogress: (update: { progress: number; message?: string }) => updates.push(update),
      },
    );
    const ms = performance.now() - started;
    console.log(`document_open of 6,000 paragraphs: ${ms.toFixed(0)} ms, ${updates.length} progress notifications`);
    expect(result.isError).toBeFalsy();
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.map((u) => u.progress)).toEqual(updates.map((_, i) => i + 1));
    expect(updates[0].message).toMatch(/^document_open: still working after/);
  });

  it("sends none when the client did not ask", async () => {
    const auth = await tokenFor("progress-none", ["read", "write"], { progressEveryMs: 1 });
    const client = await connectMcp(auth.headers);
    const result = await client.callTool({ name: "document_create", arguments: {} });
    expect(result.isError).toBeFalsy();
  });
});
