/**
 * Polls until `read` gives a truthy value and returns it, or fails naming `what` once `timeoutMs` has passed: for
 * what another process or connection brings about in its own time (a queue drained, a session open).
 */
export async function until<T>(
  what: string,
  read: () => T | Promise<T>,
  { timeoutMs = 20_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
