/** The JSON-RPC message of an /mcp response, whether the server answered with JSON or with one SSE message event. */
export async function jsonRpcBody<T = any>(res: Response): Promise<T> {
  const text = await res.text();
  if (!(res.headers.get("content-type") ?? "").includes("text/event-stream")) return JSON.parse(text) as T;
  const data = text
    .split("\n")
    .filter((line) => line.startsWith("data:"))
    .map((line) => line.slice(5).trim())
    .filter((line) => line.startsWith("{"));
  if (data.length === 0) throw new Error(`SSE response without a JSON-RPC message: ${text.slice(0, 200)}`);
  // The result is the last message; earlier ones are notifications such as progress.
  return JSON.parse(data[data.length - 1]) as T;
}
