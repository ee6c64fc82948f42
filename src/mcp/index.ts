export type { Scope, ToolContext, ToolSet } from "./context";
export { handleMcpRequest } from "./handler";
