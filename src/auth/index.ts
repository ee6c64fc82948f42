export { AuthError, isAuthError, type AuthFailure, type AuthFailureKind } from "./auth-error";
export { authDatabase, type AuthDatabase } from "./database";
export { bearerAuth, type AuthEnv, type BearerAuthOptions } from "./middleware";
export { SCOPES, formatScopes, hasScope, isScope, parseScopes, type Principal, type Scope } from "./principal";
export { ensureTenantAndUser, validateTenantName } from "./tenants";
export { TOKEN_PREFIX, checkTokenFormat, hashAccessToken, mintAccessToken } from "./token-format";
export {
  LAST_USED_RESOLUTION_MS,
  issueAccessToken,
  listAccessTokens,
  revokeAccessToken,
  verifyAccessToken,
  type AccessTokenInfo,
  type IssueAccessTokenInput,
} from "./token-store";
export { currentViewer, signIn, signOut, signUp, type AccountFailure, type AccountResult, type SignedInViewer } from "./account-actions";
export { MIN_PASSWORD_LENGTH, createAccounts, type Accounts } from "./accounts";
export { AuthConfigError, authSecretFor } from "./auth-secret";
export {
  OAuthError,
  checkAuthorizationRequest,
  createAuthorizationCode,
  exchangeAuthorizationCode,
  isOAuthError,
  listConnectedApps,
  refreshTokens,
  registerClient,
  registrationResponse,
  revokeConnectedApp,
  revokeOAuthToken,
  type AuthorizationParams,
  type AuthorizationRequest,
  type ConnectedApp,
  type OAuthErrorCode,
  type OAuthFailure,
  type TokenSet,
} from "./oauth/index";
