import { describe, expect, it } from "vitest";
import { workerFetch } from "../support/mcp-client";
import { startOfWindow } from "../support/rate-limit-window";
import { randomAddress, registerClient } from "./oauth-client";

describe("client registration limit", () => {
  it("answers a client flooding registration with 429 and Retry-After, while other addresses still register", async () => {
    const flooder = randomAddress();
    const statuses: number[] = [];
    await startOfWindow(60);
    const started = performance.now();
    let refused: Record<string, any> | null = null;
    for (let i = 0; i < 15; i++) {
      const { status, body } = await registerClient({ client_name: `flood ${i}` }, flooder);
      statuses.push(status);
      if (status === 429) refused = body;
    }
    console.log(`15 registrations from one address in ${(performance.now() - started).toFixed(0)} ms: ${statuses.join(" ")}`);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(refused).toMatchObject({ error: "rate_limited", message: expect.stringContaining("retry in 60 seconds") });
    const again = await workerFetch("/oauth/register", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": flooder },
      body: JSON.stringify({ redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] }),
    });
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("60");
    expect((await registerClient({}, randomAddress())).status).toBe(201);
  });
});
