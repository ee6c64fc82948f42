#!/usr/bin/env node
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
// Mints a personal access token for a local development tenant in the LOCAL D1 database and prints
// only the token on stdout, so `export DOCX_EDGE_TOKEN=$(npm run -s token -- --tenant acme)` works.
// It shares the token format and storage code with the Worker (src/auth) by loading it through tsx.
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const usage = `Usage: npm run token -- --tenant NAME [--name LABEL] [--scopes read,write] [--tool-set compact|complete]
                       [--expires-days N] [--persist-to DIR]

Creates the tenant and its owner user if needed, then prints a new access token (only the token) on stdout.
--tool-set picks what tools/list shows the token: compact (the default: apply_patch and every non-edit tool) or
complete (all of docx-mcp's tools); every tool the scopes allow can be called either way.
Works on the local D1 database only (.wrangler/state, or --persist-to DIR as used by wrangler dev).`;

function fail(message) {
  process.stderr.write(`token: ${message}\n`);
  process.exit(1);
}

// Keep wrangler offline and quiet, and keep stdout for the token alone.
Object.assign(process.env, {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_HIDE_BANNER: "true",
  WRANGLER_LOG: process.env.WRANGLER_LOG ?? "error",
});
console.log = console.info = console.debug = console.error;

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      tenant: { type: "string" },
      name: { type: "string", default: "development token" },
      scopes: { type: "string", default: "read,write" },
      "tool-set": { type: "string" },
      "expires-days": { type: "string" },
      "persist-to": { type: "string" },
      remote: { type: "boolean" },
      env: { type: "string", short: "e" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }));
} catch (e) {
  fail(`${e.message}\n\n${usage}`);
}
if (options.help) {
  process.stderr.write(usage + "\n");
  process.exit(0);
}

// Tokens minted here are for local development; a production token must come from the product itself.
if (options.remote) fail("refusing --remote: this script only writes development tokens into the local D1 database.");
if (options.env !== undefined) {
  fail(`refusing --env ${options.env}: wrangler environments point at deployed databases; this script only writes the local one.`);
}
if (process.env.CLOUDFLARE_API_TOKEN) {
  fail(
    "refusing to run with CLOUDFLARE_API_TOKEN set: that shell can reach a real Cloudflare account. Unset it (this script never needs it).",
  );
}
if (!options.tenant) fail(`--tenant is required.\n\n${usage}`);

const { tsImport } = await import("tsx/esm/api");
const auth = await tsImport("../src/auth/index.ts", import.meta.url);

let tenantName, scopes, expiresAt;
try {
  tenantName = auth.validateTenantName(options.tenant);
} catch (e) {
  fail(e.message);
}
scopes = options.scopes.split(/[,\s]+/).filter(Boolean);
const unknown = scopes.filter((s) => !auth.isScope(s));
if (unknown.length > 0 || scopes.length === 0)
  fail(`--scopes must list ${auth.SCOPES.join(" and/or ")}, got ${JSON.stringify(options.scopes)}.`);
const toolSet = options["tool-set"] ?? auth.DEFAULT_TOOL_SET;
if (!auth.isToolSet(toolSet)) fail(`--tool-set must be ${auth.TOOL_SETS.join(" or ")}, got ${JSON.stringify(options["tool-set"])}.`);
if (options["expires-days"] !== undefined) {
  const days = Number(options["expires-days"]);
  if (!Number.isInteger(days) || days < 1)
    fail(`--expires-days must be a whole number of days (1 or more), got ${options["expires-days"]}.`);
  expiresAt = Date.now() + days * 86_400_000;
}

const persistTo = options["persist-to"] ? path.resolve(options["persist-to"]) : undefined;
const persistArgs = persistTo ? ["--persist-to", persistTo] : [];

// A fresh checkout has no tables yet; applying migrations is idempotent.
const wrangler = path.join(root, "node_modules", "wrangler", "bin", "wrangler.js");
const migrate = spawnSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", ...persistArgs], {
  cwd: root,
  env: { ...process.env, CI: "true" },
  encoding: "utf8",
});
if (migrate.status !== 0) fail(`could not apply migrations to the local D1 database:\n${migrate.stdout}${migrate.stderr}`);

// The proxy gets a config with only the D1 binding: the project's Durable Object lives in the Worker
// script, which the proxy does not load, and would only produce warnings. Same database id, same state dir.
const { getPlatformProxy, unstable_readConfig } = await import("wrangler");
const project = unstable_readConfig({ config: path.join(root, "wrangler.toml") });
const scratch = mkdtempSync(path.join(tmpdir(), "docx-edge-token-"));
const configPath = path.join(scratch, "wrangler.json");
writeFileSync(
  configPath,
  JSON.stringify({
    name: "docx-edge-token",
    compatibility_date: project.compatibility_date,
    d1_databases: project.d1_databases.filter((d) => d.binding === "DB"),
  }),
);
const platform = await getPlatformProxy({
  configPath,
  persist: { path: path.join(persistTo ?? path.join(root, ".wrangler", "state"), "v3") },
  remoteBindings: false,
  envFiles: [],
});
try {
  const db = auth.authDatabase(platform.env.DB);
  const { tenantId, userId } = await auth.ensureTenantAndUser(db, tenantName);
  const { token, info } = await auth.issueAccessToken(db, { tenantId, userId, name: options.name, scopes, toolSet, expiresAt });
  process.stdout.write(token + "\n");
  const expiry = expiresAt ? `, expires ${new Date(expiresAt).toISOString()}` : ", never expires";
  process.stderr.write(
    `token: ${info.displayPrefix}…${info.lastFour} for tenant ${tenantName} (${info.scopes.join(" ")}, ${info.toolSet} tool set${expiry}); only its hash is stored.\n`,
  );
} finally {
  await platform.dispose();
  rmSync(scratch, { recursive: true, force: true });
}
