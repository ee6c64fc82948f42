export { authAccounts, authRateLimits, authSessions, authVerifications } from "./auth";
export { type OAuthClientRow, type OAuthCodeRow, type OAuthGrantRow, oauthClients, oauthCodes, oauthGrants, oauthTokens } from "./oauth";
export { type TenantRow, tenants } from "./tenants";
export { type AccessTokenRow, accessTokens } from "./tokens";
export { type UserRow, users } from "./users";
