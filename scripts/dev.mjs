#!/usr/bin/env node
// `npm run dev`: apply local D1 migrations, then serve the Worker on 127.0.0.1 with embedded local state.
import { spawn, spawnSync } from "node:child_process";
import { offlineEnv } from "./wrangler-env.mjs";

const port = process.env.PORT ?? "8787";
const host = "127.0.0.1";
const wrangler = "node_modules/.bin/wrangler";

const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local"], { stdio: "inherit", env: offlineEnv });
if (migrate.status !== 0) {
  console.error("Applying local D1 migrations failed; see the output above.");
  process.exit(migrate.status ?? 1);
}

console.log(`
docx-edge is starting on http://${host}:${port}
  MCP endpoint:  http://${host}:${port}/mcp
  Dashboard:     http://${host}:${port}/  (sign up, create tokens, connect apps)
  Get a token:   npm run token -- --tenant dev
  Then connect:  claude mcp add --transport http docx-edge http://${host}:${port}/mcp --header "Authorization: Bearer <token>"
`);

const server = spawn(wrangler, ["dev", "--ip", host, "--port", port, ...process.argv.slice(2)], { stdio: "inherit", env: offlineEnv });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
