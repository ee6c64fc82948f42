export { recordGrantUse, verifyOAuthAccessToken } from "./access-tokens";
export { type CodeExchange, createAuthorizationCode, exchangeAuthorizationCode } from "./authorization-codes";
export {
  type AuthorizationCheck,
  type AuthorizationParams,
  type AuthorizationRequest,
  checkAuthorizationRequest,
} from "./authorization-request";
export { type ClientDocumentPolicy, isClientIdUrl } from "./client-metadata-documents";
export { findClient, type OAuthClient, registerClient, registrationResponse } from "./clients";
export { type ConnectedApp, listConnectedApps, revokeConnectedApp } from "./connected-apps";
export { revokeGrant, type TokenSet } from "./grants";
export { isOAuthError, OAuthError, type OAuthErrorCode, type OAuthFailure } from "./oauth-error";
export { OAUTH_ACCESS_PREFIX, OAUTH_REFRESH_PREFIX } from "./oauth-secrets";
export { matchRedirectUri } from "./redirect-uris";
export { type RefreshRequest, refreshTokens } from "./refresh-tokens";
export { revokeOAuthToken } from "./token-revocation";
