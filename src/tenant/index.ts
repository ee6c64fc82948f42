export { DurableSessionIndex, tenantStub } from "./durable-session-index";
export { TenantChangeFeed } from "./tenant-change-feed";
export { openTenantListener } from "./tenant-listener";
export { TenantObject } from "./tenant-object";
