export type { Scope, ToolContext } from "./context";
export { handleMcpRequest } from "./handler";
