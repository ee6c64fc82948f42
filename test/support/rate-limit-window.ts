/**
 * Rate limiters count in windows aligned to the wall clock: a test that sends a burst waits until early in a window,
 * so the burst is not split over two.
 */
export async function startOfWindow(seconds: number, needMs = 4000): Promise<void> {
  const left = seconds * 1000 - (Date.now() % (seconds * 1000));
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
