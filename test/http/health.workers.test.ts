import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { restApp } from "../support/rest-app";

const app = restApp();
const call = (path: string, bindings: typeof env = env) => app.request(`https://docx.example${path}`, {}, bindings);

const failing = (message: string) => () => Promise.reject(new Error(message));

describe("GET /health", () => {
  it("answers ok without touching any binding", async () => {
    const res = await call("/health", {} as typeof env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("GET /health/ready", () => {
  it("is ready when D1 and R2 answer", async () => {
    const res = await call("/health/ready");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { d1: "ok", r2: "ok" } });
  });

  it("answers 503 naming D1 when the database fails", async () => {
    const brokenDb = { prepare: () => ({ first: failing("D1 is down") }) } as unknown as D1Database;
    const res = await call("/health/ready", { ...env, DB: brokenDb });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", checks: { d1: "failed", r2: "ok" } });
  });

  it("answers 503 naming R2 when the bucket fails", async () => {
    const brokenBucket = { head: failing("R2 is down") } as unknown as R2Bucket;
    const res = await call("/health/ready", { ...env, DOCS: brokenBucket });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", checks: { d1: "ok", r2: "failed" } });
  });
});
