export {
  type AccountFailure,
  type AccountResult,
  type AttemptLimiter,
  currentViewer,
  type SignedInViewer,
  signIn,
  signOut,
  signUp,
} from "./account-actions";
export { accountNameProblem, authorName } from "./account-name";
export { type Accounts, createAccounts, MIN_PASSWORD_LENGTH } from "./accounts";
export { AuthError, type AuthFailure, type AuthFailureKind, isAuthError } from "./auth-error";
export { AuthConfigError, authSecretFor, isReservedDevelopmentHost } from "./auth-secret";
export { type AuthDatabase, authDatabase } from "./database";
export { type AuthEnv, type BearerAuthOptions, bearerAuth, bearerStillValid } from "./middleware";
export {
  type AuthorizationParams,
  type AuthorizationRequest,
  type ClientDocumentPolicy,
  type ConnectedApp,
  checkAuthorizationRequest,
  createAuthorizationCode,
  exchangeAuthorizationCode,
  isClientIdUrl,
  isOAuthError,
  listConnectedApps,
  OAuthError,
  type OAuthErrorCode,
  type OAuthFailure,
  refreshTokens,
  registerClient,
  registrationResponse,
  revokeConnectedApp,
  revokeOAuthToken,
  type TokenSet,
} from "./oauth/index";
export {
  DEFAULT_TOOL_SET,
  formatScopes,
  hasScope,
  isScope,
  isToolSet,
  type Principal,
  parseScopes,
  SCOPES,
  type Scope,
  TOOL_SETS,
  type ToolSet,
} from "./principal";
export { type PublicOrigin, resolvePublicOrigin } from "./public-origin";
export { ensureTenantAndUser, validateTenantName } from "./tenants";
export { checkTokenFormat, hashAccessToken, mintAccessToken, TOKEN_PREFIX } from "./token-format";
export {
  type AccessTokenInfo,
  type IssueAccessTokenInput,
  issueAccessToken,
  LAST_USED_RESOLUTION_MS,
  listAccessTokens,
  revokeAccessToken,
  verifyAccessToken,
} from "./token-store";
