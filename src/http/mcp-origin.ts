import type { MiddlewareHandler } from "hono";
import { isReservedDevelopmentHost } from "../auth";

/** Which browser origins may call /mcp. */
export interface OriginPolicy {
  /** The deployment's own origin; null when it cannot be known (unconfigured, reached under a foreign Host). */
  own: string | null;
  /** Further origins the operator allows (MCP_ALLOWED_ORIGINS). */
  allowed: readonly string[];
  /** Local development: any loopback origin may call, e.g. MCP Inspector on localhost:6274. */
  development: boolean;
}

const ALLOWED_HEADERS = "authorization, content-type, accept, mcp-protocol-version, mcp-method, mcp-name, mcp-session-id, last-event-id";

/**
 * DNS-rebinding and cross-site protection for /mcp (the spec requires 403 for an Origin the server does not serve).
 * Requests without Origin come from programs, not browsers, and pass; an allowed origin gets CORS headers on every
 * answer, including a preflight answered here before authentication (browsers send preflights without tokens).
 */
export function mcpOriginGuard(policyOf: (c: Parameters<MiddlewareHandler>[0]) => OriginPolicy): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origin === undefined) return next();
    if (!isAllowed(origin, policyOf(c))) {
      return c.json(
        {
          jsonrpc: "2.0",
          error: {
            code: -32000,
            message: `Origin ${origin} may not call this MCP server. Operators allow more origins with MCP_ALLOWED_ORIGINS.`,
          },
          id: null,
        },
        403,
        { vary: "Origin" },
      );
    }
    if (c.req.method === "OPTIONS") {
      return c.body(null, 204, {
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "POST, GET, DELETE, OPTIONS",
        "access-control-allow-headers": c.req.header("access-control-request-headers") ?? ALLOWED_HEADERS,
        "access-control-max-age": "600",
        vary: "Origin",
      });
    }
    await next();
    c.res.headers.set("access-control-allow-origin", origin);
    c.res.headers.set("access-control-expose-headers", "mcp-session-id, www-authenticate, retry-after");
    c.res.headers.append("vary", "Origin");
  };
}

function isAllowed(origin: string, policy: OriginPolicy): boolean {
  if (origin === policy.own || policy.allowed.includes(origin)) return true;
  if (!policy.development) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && isReservedDevelopmentHost(url.hostname);
  } catch {
    return false;
  }
}

/** MCP_ALLOWED_ORIGINS: a comma-separated list of origins such as https://app.example.com. */
export function parseAllowedOrigins(setting: string | undefined): string[] {
  return (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      try {
        return new URL(s).origin;
      } catch {
        return s;
      }
    });
}
