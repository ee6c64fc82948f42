export { TenantObject } from "./tenant-object";
export { DurableSessionIndex, tenantStub } from "./durable-session-index";
