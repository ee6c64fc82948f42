export type { AppEnv } from "./app-env";
export { BODY_LIMITS, bodyLimit } from "./body-limit";
export { fileRoutes } from "./files";
export { healthRoutes } from "./health";
export { HttpError, type HttpFailure, httpErrorResponse } from "./http-errors";
export { oauthEndpoints } from "./oauth/oauth-endpoints";
export { requireScope } from "./require-scope";
export { MAX_UPLOAD_BYTES } from "./upload-body";
export { mcpResourceUrl, PROTECTED_RESOURCE_PATH, protectedResourceMetadataUrl, wellKnownRoutes } from "./well-known";
