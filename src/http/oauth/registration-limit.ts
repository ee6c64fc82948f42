import type { AppEnv } from "../app-env";

/** The limiter's window (wrangler.toml); a refused client waits at most this long. */
export const REGISTRATION_WINDOW_SECONDS = 60;

/**
 * Registering a client and fetching a client ID metadata document are unauthenticated and cost us a D1
 * row or an outbound fetch, so each address gets a few a minute. Cloudflare sets CF-Connecting-IP on every
 * request and overwrites a client's own; only a harness calling the Worker directly has none.
 */
export async function mayRegisterClient(c: {
  env: AppEnv["Bindings"];
  req: { header(name: string): string | undefined };
}): Promise<boolean> {
  const address = c.req.header("cf-connecting-ip");
  return !address || (await c.env.REGISTRATION_LIMIT.limit({ key: `register:${address}` })).success;
}
