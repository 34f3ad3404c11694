/** Progress lines at most this often, and only for work that takes longer than this. */
export const PROGRESS_EVERY_MS = 1_000;

/**
 * A progress reporter for long work in a command: it writes `line(done, total)` when the work has run longer than
 * `everyMs` and no line has been written for as long, so a quick export prints nothing and a long one a line a second.
 */
export function progressLines(
  write: (text: string) => void,
  line: (done: number, total: number) => string,
  { now = Date.now, everyMs = PROGRESS_EVERY_MS }: { now?: () => number; everyMs?: number } = {},
): (done: number, total: number) => void {
  const started = now();
  let shown = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const at = now();
    if (at - started < everyMs || at - shown < everyMs) return;
    shown = at;
    write(`${line(done, total)}\n`);
  };
}
