import { Hono } from "hono";
import type { AppEnv } from "./app-env";

/** Key read (never written) by the readiness check: a HEAD that misses still proves R2 answers. */
const R2_PROBE_KEY = "health/probe";
const CHECK_TIMEOUT_MS = 3_000;

async function check(probe: () => Promise<unknown>): Promise<"ok" | "failed"> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return "ok";
  } catch (e) {
    console.warn("readiness check failed", e);
    return "failed";
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes = new Hono<AppEnv>();

// Liveness: the isolate answers. Touches no binding so it cannot fail because of one.
healthRoutes.get("/", (c) => c.json({ status: "ok" }));

healthRoutes.get("/ready", async (c) => {
  const [d1, r2] = await Promise.all([check(() => c.env.DB.prepare("SELECT 1").first()), check(() => c.env.DOCS.head(R2_PROBE_KEY))]);
  const ready = d1 === "ok" && r2 === "ok";
  c.header("Cache-Control", "no-store");
  return c.json({ status: ready ? "ready" : "unavailable", checks: { d1, r2 } }, ready ? 200 : 503);
});
