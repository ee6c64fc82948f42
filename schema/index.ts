export { tenants, type TenantRow } from "./tenants";
export { users, type UserRow } from "./users";
export { accessTokens, type AccessTokenRow } from "./tokens";
