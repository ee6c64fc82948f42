/**
 * The session page's script: it listens to the session's event stream and, on each change, fetches the page again
 * and swaps in its live part (facts, rendering, history), so the page follows edits without a reload.
 */
export const LIVE_VIEW_SCRIPT = `
(() => {
  const root = document.getElementById("live-session");
  const state = document.getElementById("live-state");
  if (!root || !state) return;
  const source = new EventSource(root.dataset.stream);
  let running = false, again = false, ready = false;
  const refresh = async () => {
    if (running) { again = true; return; }
    running = true;
    do {
      again = false;
      const res = await fetch(location.href, { headers: { accept: "text/html" } }).catch(() => null);
      if (!res || !res.ok) break;
      const next = new DOMParser().parseFromString(await res.text(), "text/html").getElementById("live-session");
      if (next) root.replaceChildren(...next.childNodes);
    } while (again);
    running = false;
  };
  source.addEventListener("ready", () => {
    state.textContent = "Live";
    if (ready) refresh(); // reconnected: changes may have been missed
    ready = true;
  });
  source.addEventListener("change", (e) => {
    const event = JSON.parse(e.data);
    if (event.kind === "closed" || (event.kind === "catch_up" && event.position === null)) {
      state.textContent = "Session closed";
      source.close();
      return;
    }
    refresh();
  });
  source.addEventListener("error", () => { if (source.readyState !== EventSource.CLOSED) state.textContent = "Reconnecting…"; });
})();
`;
