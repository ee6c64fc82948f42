/** Reads the JSON-RPC messages of an SSE response one at a time, as a listening client would. */
export function sseMessages(response: Response) {
  if (!response.body) throw new Error(`no body (status ${response.status})`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const queue: any[] = [];
  let buffer = "";
  let ended = false;
  const fill = async () => {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const data = buffer
        .slice(0, cut)
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trim())
        .join("");
      if (data) queue.push(JSON.parse(data));
      buffer = buffer.slice(cut + 2);
      cut = buffer.indexOf("\n\n");
    }
  };
  return {
    /** The next message, or null when the stream ended (a timeout rejects). */
    async next(timeoutMs = 5000): Promise<any | null> {
      const deadline = Date.now() + timeoutMs;
      while (queue.length === 0 && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no SSE message in time");
        await Promise.race([fill(), new Promise((r) => setTimeout(r, left))]);
      }
      return queue.shift() ?? null;
    },
    /** Messages that arrive within the window, without waiting for more. */
    async drain(windowMs: number): Promise<any[]> {
      const out: any[] = [];
      const until = Date.now() + windowMs;
      while (Date.now() < until && !ended) {
        try {
          out.push(await this.next(until - Date.now()));
        } catch {
          break;
        }
      }
      return out.filter((m) => m !== null);
    },
    close: () => reader.cancel().catch(() => {}),
  };
}
