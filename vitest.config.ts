import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Four projects: everything that needs no binding in Node (engine, sessions, MCP tools over the in-memory stores), the MCP tool suites once more as a 2025-era client,
// what needs D1, R2, the Durable Object or the bundled Worker inside workerd (`*.workers.test.ts`), and the corpus
// suites (which read ../shared/corpus and so are kept out of `npm test`). Files share one module graph per worker
// (isolate: false): every test makes its own tenant and document, and start-up per file was most of the run time.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        test: {
          name: "node",
          isolate: false,
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.workers.test.ts", "test/corpus/**", "node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        // The MCP tool suites again, through the 2025-era SDK 1.x client, so both protocol eras pass the same tests.
        test: {
          name: "node-legacy",
          isolate: false,
          environment: "node",
          include: ["test/mcp/**/*.test.ts"],
          exclude: ["test/**/*.workers.test.ts", "node_modules/**"],
          env: { MCP_ERA: "legacy" },
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: "./src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations("./migrations") },
            },
          })),
        ],
        test: {
          name: "workers",
          isolate: false,
          include: ["test/**/*.workers.test.ts"],
          setupFiles: ["./test/support/apply-migrations.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "corpus",
          environment: "node",
          include: ["test/corpus/**/*.test.ts"],
          globalSetup: ["./test/support/require-corpus.ts"],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
