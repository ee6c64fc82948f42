import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("worker", () => {
  it("answers /health", async () => {
    const res = await exports.default.fetch("http://example.com/health");
    expect(res.status).toBe(200);
  });
});
