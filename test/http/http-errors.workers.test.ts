import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { httpErrorResponse } from "../../src/http";
import { SessionError } from "../../src/sessions/errors";

function appThrowing(error: unknown) {
  const app = new Hono();
  app.onError(httpErrorResponse);
  app.get("/", () => {
    throw error;
  });
  return app;
}

describe("httpErrorResponse", () => {
  it("maps a session failure to its status and { error, message }", async () => {
    const res = await appThrowing(new SessionError({ kind: "conflict", sessionId: "s1", message: "Someone else saved first." })).request(
      "/",
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "conflict", message: "Someone else saved first." });
  });

  it("answers an unexpected error with 500 and no internals", async () => {
    const res = await appThrowing(new Error("secret detail at /src/x.ts:12")).request("/");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "internal_error", message: expect.any(String) });
    expect(text).not.toContain("secret detail");
  });
});
