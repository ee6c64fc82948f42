export { handleMcpRequest } from "./handler";
export type { Scope, ToolContext } from "./context";
