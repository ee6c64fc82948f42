import { eq } from "drizzle-orm";
import { oauthClients } from "../../../schema";
import type { AuthDatabase } from "../database";
import { OAuthError } from "./oauth-error";
import { checkRegistrableRedirectUri, MAX_REDIRECT_URIS } from "./redirect-uris";

/** A registered public client as the rest of the server sees it. */
export interface OAuthClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  clientUri: string | null;
  createdAt: number;
}

const MAX_NAME_LENGTH = 100;
const GRANT_TYPES = ["authorization_code", "refresh_token"];

const invalidMetadata = (description: string) => new OAuthError("invalid_client_metadata", description);

function stringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) throw invalidMetadata(`${field} must be an array of strings.`);
  return value;
}

/** A display name without control characters; it is shown on the consent page. */
export function clientName(value: unknown): string {
  if (value === undefined || value === null) return "Unnamed app";
  if (typeof value !== "string") throw invalidMetadata("client_name must be a string.");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const name = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) throw invalidMetadata(`client_name must be 1 to ${MAX_NAME_LENGTH} characters.`);
  return name;
}

/** The client's home page when it is a plain https URL; anything else is dropped, not refused. */
export const homePage = (value: unknown): string | null =>
  typeof value === "string" && /^https:\/\/[^\s]{1,2000}$/.test(value) ? value : null;

/**
 * RFC 7591 dynamic registration of a public client. Only what this server uses is kept; every client
 * is registered with token_endpoint_auth_method "none", and PKCE stands in for a client secret.
 */
export async function registerClient(db: AuthDatabase, metadata: Record<string, unknown>, now = Date.now()): Promise<OAuthClient> {
  const redirectUris = stringList(metadata.redirect_uris, "redirect_uris");
  if (!redirectUris || redirectUris.length === 0) throw new OAuthError("invalid_redirect_uri", "redirect_uris must list at least one URI.");
  if (redirectUris.length > MAX_REDIRECT_URIS)
    throw new OAuthError("invalid_redirect_uri", `At most ${MAX_REDIRECT_URIS} redirect URIs may be registered.`);
  redirectUris.forEach(checkRegistrableRedirectUri);
  const grantTypes = stringList(metadata.grant_types, "grant_types") ?? ["authorization_code"];
  if (!grantTypes.every((g) => GRANT_TYPES.includes(g)))
    throw invalidMetadata(`grant_types may only contain ${GRANT_TYPES.join(" and ")}.`);
  const responseTypes = stringList(metadata.response_types, "response_types") ?? ["code"];
  if (!responseTypes.every((r) => r === "code")) throw invalidMetadata('response_types may only contain "code".');
  const clientUri = homePage(metadata.client_uri);

  const client: OAuthClient = {
    clientId: crypto.randomUUID(),
    name: clientName(metadata.client_name),
    redirectUris: [...new Set(redirectUris)],
    clientUri,
    createdAt: now,
  };
  await db.insert(oauthClients).values({
    id: client.clientId,
    name: client.name,
    redirectUris: JSON.stringify(client.redirectUris),
    clientUri,
    createdAt: now,
  });
  return client;
}

export async function findClient(db: AuthDatabase, clientId: string): Promise<OAuthClient | null> {
  if (!clientId || clientId.length > 100) return null;
  const row = await db.select().from(oauthClients).where(eq(oauthClients.id, clientId)).get();
  if (!row) return null;
  return {
    clientId: row.id,
    name: row.name,
    redirectUris: JSON.parse(row.redirectUris) as string[],
    clientUri: row.clientUri,
    createdAt: row.createdAt,
  };
}

/** The registration response body (RFC 7591 §3.2.1). */
export function registrationResponse(client: OAuthClient) {
  return {
    client_id: client.clientId,
    client_id_issued_at: Math.floor(client.createdAt / 1000),
    client_name: client.name,
    redirect_uris: client.redirectUris,
    grant_types: GRANT_TYPES,
    response_types: ["code"],
    token_endpoint_auth_method: "none",
    ...(client.clientUri ? { client_uri: client.clientUri } : {}),
  };
}
