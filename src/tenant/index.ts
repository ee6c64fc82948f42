export { DurableSessionIndex, tenantStub } from "./durable-session-index";
export { TenantObject } from "./tenant-object";
