import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkTokenFormat, hashAccessToken } from "../../src/auth/token-format";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const quietEnv: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
};
delete quietEnv.CLOUDFLARE_API_TOKEN;

async function token(args: string[], env: NodeJS.ProcessEnv = quietEnv) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/token.mjs", ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function query(persistTo: string, sql: string) {
  const wrangler = path.join(root, "node_modules/wrangler/bin/wrangler.js");
  const { stdout } = await run(
    process.execPath,
    [wrangler, "d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql],
    { cwd: root, env: quietEnv },
  );
  return (JSON.parse(stdout) as { results: Record<string, unknown>[] }[])[0].results;
}

describe("npm run token", () => {
  let persistTo: string;
  beforeAll(async () => {
    persistTo = await mkdtemp(path.join(tmpdir(), "docx-edge-token-"));
  });
  afterAll(async () => {
    await rm(persistTo, { recursive: true, force: true });
  });

  it("mints a token on a fresh database and prints only the token", async () => {
    const result = await token([
      "--tenant",
      "acme",
      "--name",
      "laptop",
      "--scopes",
      "read",
      "--expires-days",
      "30",
      "--persist-to",
      persistTo,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^dxe_[0-9A-Za-z]+\n$/);
    const minted = result.stdout.trim();
    expect(checkTokenFormat(minted)).toEqual({ ok: true });

    const rows = await query(
      persistTo,
      "SELECT t.name AS tenant, a.name, a.scopes, a.tool_set, a.token_hash, a.expires_at FROM access_tokens a JOIN tenants t ON t.id = a.tenant_id",
    );
    expect(rows).toEqual([
      {
        tenant: "acme",
        name: "laptop",
        scopes: "read",
        tool_set: "compact",
        token_hash: await hashAccessToken(minted),
        expires_at: expect.any(Number),
      },
    ]);
    expect(rows[0].expires_at as number).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  }, 60_000);

  it("reuses the tenant on a second run, and gives the token the --tool-set chosen", async () => {
    const result = await token(["--tenant", "acme", "--tool-set", "complete", "--persist-to", persistTo]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("complete tool set");
    const tenants = await query(persistTo, "SELECT COUNT(*) AS n FROM tenants");
    const tokens = await query(persistTo, "SELECT tool_set FROM access_tokens ORDER BY created_at");
    expect(tenants[0].n).toBe(1);
    expect(tokens.map((t) => t.tool_set)).toEqual(["compact", "complete"]);
  }, 60_000);

  const refusals: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
    ["--remote", ["--tenant", "acme", "--remote"], quietEnv, /refusing --remote/],
    ["--env production", ["--tenant", "acme", "--env", "production"], quietEnv, /refusing --env production/],
    ["CLOUDFLARE_API_TOKEN", ["--tenant", "acme"], { ...quietEnv, CLOUDFLARE_API_TOKEN: "set" }, /CLOUDFLARE_API_TOKEN/],
    ["an unknown scope", ["--tenant", "acme", "--scopes", "admin"], quietEnv, /--scopes/],
    ["an unknown tool set", ["--tenant", "acme", "--tool-set", "all"], quietEnv, /--tool-set must be compact or complete, got "all"/],
    ["a missing tenant", [], quietEnv, /--tenant is required/],
  ];
  for (const [what, args, env, message] of refusals) {
    it(`refuses ${what} and prints nothing on stdout`, async () => {
      const result = await token(args, env);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    }, 30_000);
  }
});
