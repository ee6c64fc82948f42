/** Runs `run` and prints how long it took: tests print timings of hostile inputs, they never assert them. */
export function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}
