export { tenants, type TenantRow } from "./tenants";
export { users, type UserRow } from "./users";
export { accessTokens, type AccessTokenRow } from "./tokens";
export { authAccounts, authRateLimits, authSessions, authVerifications } from "./auth";
export { oauthClients, oauthCodes, oauthGrants, oauthTokens, type OAuthClientRow, type OAuthCodeRow, type OAuthGrantRow } from "./oauth";
