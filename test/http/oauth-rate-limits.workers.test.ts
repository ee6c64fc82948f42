import { describe, expect, it } from "vitest";
import { workerFetch } from "../support/mcp-client";
import { TestBrowser } from "./browser";
import { CLAUDE_CALLBACK } from "./oauth-client";

// The limiters count in wall-clock windows (wrangler.toml: 10 a minute). A run may straddle a window
// boundary once, so 21 attempts always put at least 11 into one window.
const LIMIT = 10;
const ATTEMPTS = 2 * LIMIT + 1;

const registerFrom = (address: string) =>
  workerFetch("/oauth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify({ client_name: "Flood", redirect_uris: [CLAUDE_CALLBACK] }),
  });

describe("registration rate limit (registration flood filling D1)", () => {
  it("answers 429 with Retry-After once one address registers too many clients, and other addresses still register", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < ATTEMPTS && !refused; i++) {
      const response = await registerFrom(address);
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 201)).toBe(true);
    expect(refused?.headers.get("retry-after")).toBe("60");
    expect(((await refused!.json()) as { error: string }).error).toBe("rate_limited");
    expect((await registerFrom(`198.51.100.${Math.floor(Math.random() * 250)}`)).status).toBe(201);
  });
});

describe("sign-in rate limit per account (password guessing spread over many addresses)", () => {
  it("refuses further attempts on one account from fresh addresses, while another account is unaffected", async () => {
    const email = `guessed-${Math.random()}@example.com`;
    await new TestBrowser().signUp(email);
    const attempt = async (who: string) => {
      const browser = new TestBrowser(); // a new random address every time: the per-address limit never applies
      await browser.get("/signin");
      return browser.post("/signin", { email: who, password: "wrong guess", next: "/dashboard" });
    };
    let refused: Response | undefined;
    for (let i = 0; i < ATTEMPTS && !refused; i++) {
      const response = await attempt(email);
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(400);
    }
    expect(refused?.headers.get("retry-after")).toBe("60");
    expect(await refused!.text()).toContain("Too many attempts");
    expect((await attempt(`someone-else-${Math.random()}@example.com`)).status).toBe(400);
  });
});

describe("sign-up does not confirm that an email has an account (enumeration)", () => {
  it("answers a taken address exactly as it answers a new one, signing in neither", async () => {
    const taken = `taken-${Math.random()}@example.com`;
    await new TestBrowser().signUp(taken);
    const attempt = async (email: string) => {
      const browser = new TestBrowser();
      await browser.get("/signup");
      const response = await browser.post("/signup", { name: "x", email, password: "another long password", next: "/dashboard" });
      // The page differs only by the address typed in, the form's CSRF token and the per-response CSP nonce.
      const page = browser.lastPage
        .replaceAll(email, "EMAIL")
        .replace(/name="_csrf" value="[^"]*"/, "")
        .replace(/nonce="[^"]*"/g, "");
      return { status: response.status, cookie: response.headers.get("set-cookie") ?? "", page };
    };
    const onTaken = await attempt(taken);
    const onNew = await attempt(`new-${Math.random()}@example.com`);
    expect(onTaken.status).toBe(200);
    expect(onTaken).toEqual(onNew);
    expect(onTaken.cookie).not.toContain("session_token");
    expect(onTaken.page).not.toMatch(/already exists|already registered|in use|could not be created/i);
  });
});
