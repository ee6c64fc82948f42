export type { Scope, ToolContext, ToolSet } from "./context";
export { handleMcpRequest } from "./handler";
export { toolSetSizes } from "./tool-catalogue";
