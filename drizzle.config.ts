import { defineConfig } from "drizzle-kit";

// Generates SQL migrations only; wrangler applies them to D1 (migrations_dir in wrangler.toml).
export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/index.ts",
  out: "./migrations",
});
