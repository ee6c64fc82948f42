import { ORIGIN, workerFetch } from "../support/mcp-client";

/**
 * A minimal browser for page tests: keeps cookies, follows nothing on its own, and submits forms with
 * the CSRF token taken from the last page it loaded, as a real form post would.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  lastPage = "";

  constructor(
    readonly ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ) {}

  private remember(response: Response) {
    for (const line of (response.headers as Headers & { getSetCookie(): string[] }).getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("cf-connecting-ip", this.ip);
    if (!headers.has("accept")) headers.set("accept", "text/html");
    if (this.cookies.size) headers.set("cookie", this.cookieHeader);
    const response = await workerFetch(path, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  async get(path: string): Promise<Response> {
    const response = await this.request(path);
    if (response.headers.get("content-type")?.includes("text/html")) this.lastPage = await response.clone().text();
    return response;
  }

  /** The CSRF token in the page last loaded. */
  get csrf(): string {
    return this.lastPage.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? "";
  }

  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null; origin?: string } = {}): Promise<Response> {
    const body = new URLSearchParams(fields);
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf !== null) body.set("_csrf", csrf);
    const response = await this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: options.origin ?? ORIGIN },
      body,
    });
    if (response.headers.get("content-type")?.includes("text/html")) this.lastPage = await response.clone().text();
    return response;
  }

  /** Signs up a new person through the pages, then signs in (sign-up never does); returns the page the browser lands on. */
  async signUp(email: string, password = "a long enough password"): Promise<Response> {
    await this.get("/signup");
    const created = await this.post("/signup", { name: email.split("@")[0], email, password, next: "/dashboard/tokens" });
    if (created.status !== 200 || !this.lastPage.includes('role="status"'))
      throw new Error(`sign-up failed with ${created.status}: ${this.lastPage.match(/role="alert">([^<]*)/)?.[1]}`);
    const response = await this.post("/signin", { email, password, next: "/dashboard/tokens" });
    if (response.status !== 303)
      throw new Error(`sign-in after sign-up failed with ${response.status}: ${this.lastPage.match(/role="alert">([^<]*)/)?.[1]}`);
    return this.get(response.headers.get("location")!);
  }
}

export const location = (response: Response) => response.headers.get("location");
