import { describe, expect, it } from "vitest";
import { workerFetch } from "../support/mcp-client";
import { startOfWindow } from "../support/rate-limit-window";
import { bearer, freshTenantName, tokenFor } from "../support/tokens";

describe("per-tenant request rate", () => {
  it("answers a tenant's burst past 120 requests in 10 s with 429 and Retry-After, other tenants unaffected", async () => {
    const busy = await tokenFor(freshTenantName("busy"));
    const calm = await tokenFor(freshTenantName("calm"));
    await startOfWindow(10);
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < 130; i++) statuses.push((await workerFetch("/api/files", bearer(busy.token))).status);
    console.log(`130 list calls in ${(performance.now() - started).toFixed(0)} ms; first 429 at call ${statuses.indexOf(429) + 1}`);
    expect(statuses.slice(0, 120)).toEqual(Array(120).fill(200));
    expect(statuses.slice(120)).toEqual(Array(10).fill(429));
    const refused = await workerFetch(
      "/mcp",
      bearer(busy.token, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(await refused.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("retry after 10 seconds") });
    expect((await workerFetch("/api/files", bearer(calm.token))).status).toBe(200);
  });
});
