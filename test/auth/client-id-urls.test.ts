import { describe, expect, it } from "vitest";
import { clientIdUrlProblem } from "../../src/auth/oauth/client-metadata-documents";

describe("clientIdUrlProblem", () => {
  it("accepts claude.ai's client ID metadata document URL", () => {
    expect(clientIdUrlProblem("https://claude.ai/oauth/mcp-oauth-client-metadata", false)).toBeNull();
  });

  it.each([
    ["http://claude.ai/oauth/metadata", "plain http lets a network attacker swap the document"],
    ["https://10.0.0.5/client.json", "a private address: server-side request forgery into an internal network"],
    ["https://127.0.0.1/client.json", "loopback: SSRF against the server itself"],
    ["https://2130706433/client.json", "loopback written as a decimal number"],
    ["https://169.254.169.254/latest/meta-data", "link-local: the cloud metadata service"],
    ["https://100.64.0.1/client.json", "shared address space (CGNAT)"],
    ["https://[::1]/client.json", "an IPv6 literal"],
    ["https://localhost/client.json", "a local host name"],
    ["https://metadata.internal/client.json", "an internal-only name"],
    ["https://user:pw@claude.ai/client.json", "credentials sent to a stranger's host"],
    ["https://claude.ai/client.json#x", "a fragment, which the client_id may not carry"],
    ["https://claude.ai/", "no path, so the whole site would be one client"],
    ["https://claude.ai/a/../client.json", "dot segments, so two strings name one document"],
    ["http://127.0.0.1:9999/client.json", "loopback http without the development setting"],
  ])("refuses %s (%s)", (clientId) => {
    expect(clientIdUrlProblem(clientId, false)).not.toBeNull();
  });

  it("accepts loopback http only with the explicit development setting, and still no private network", () => {
    expect(clientIdUrlProblem("http://127.0.0.1:9999/client.json", true)).toBeNull();
    expect(clientIdUrlProblem("http://10.0.0.5/client.json", true)).not.toBeNull();
    expect(clientIdUrlProblem("https://10.0.0.5/client.json", true)).not.toBeNull();
  });
});
