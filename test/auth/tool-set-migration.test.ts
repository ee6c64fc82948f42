import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";

// The migrations as wrangler applies them to D1 (SQLite), in order; drizzle-kit separates statements with breakpoints.
const DIR = path.resolve(import.meta.dirname, "../../migrations");
const MIGRATIONS = readdirSync(DIR)
  .filter((name) => name.endsWith(".sql"))
  .sort();

function apply(db: DatabaseSync, file: string) {
  for (const statement of readFileSync(path.join(DIR, file), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) db.exec(statement);
  }
}

describe("migration 0003 (tool sets)", () => {
  it("gives tokens, grants and pending codes from before it the complete set, so no agent's tool list changes", () => {
    const db = new DatabaseSync(":memory:");
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf("0003_tool_sets.sql"));
    expect(before).toEqual(["0000_foundation.sql", "0001_accounts_oauth.sql", "0002_client_id_metadata_documents.sql"]);
    for (const file of before) apply(db, file);
    db.exec(`
      INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'acme', 1);
      INSERT INTO users (id, tenant_id, email, name, email_verified, created_at, updated_at) VALUES ('u1', 't1', 'a@example.com', 'A', 0, 1, 1);
      INSERT INTO access_tokens (id, tenant_id, user_id, name, token_hash, display_prefix, last_four, scopes, created_at)
        VALUES ('k1', 't1', 'u1', 'laptop', 'h1', 'dxe_abcd', 'wxyz', 'read write', 1);
      INSERT INTO oauth_clients (id, name, redirect_uris, created_at) VALUES ('c1', 'Claude', '[]', 1);
      INSERT INTO oauth_grants (id, client_id, user_id, tenant_id, scopes, resource, created_at)
        VALUES ('g1', 'c1', 'u1', 't1', 'read write', 'https://docx-edge.test/mcp', 1);
      INSERT INTO oauth_codes (code_hash, client_id, user_id, tenant_id, redirect_uri, code_challenge, scopes, resource, created_at, expires_at)
        VALUES ('h2', 'c1', 'u1', 't1', 'https://claude.ai/cb', 'x', 'read write', 'https://docx-edge.test/mcp', 1, 2);
    `);
    for (const file of MIGRATIONS.slice(before.length)) apply(db, file);
    for (const table of ["access_tokens", "oauth_grants", "oauth_codes"]) {
      expect(db.prepare(`SELECT tool_set FROM ${table}`).all(), table).toEqual([{ tool_set: "complete" }]);
    }
  });
});
