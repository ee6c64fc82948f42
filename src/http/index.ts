export type { AppEnv } from "./app-env";
export { fileRoutes } from "./files";
export { healthRoutes } from "./health";
export { HttpError, httpErrorResponse, type HttpFailure } from "./http-errors";
export { requireScope } from "./require-scope";
export { MAX_UPLOAD_BYTES } from "./upload-body";
export { oauthEndpoints } from "./oauth/oauth-endpoints";
export { PROTECTED_RESOURCE_PATH, mcpResourceUrl, protectedResourceMetadataUrl, wellKnownRoutes } from "./well-known";
