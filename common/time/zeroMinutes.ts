/**
 * An entry shorter than a minute shows as "0 min" and bills nothing: it need not be classified (issue 15), so it
 * neither holds up a month's approval nor counts as unclassified on the timesheet. Its row is kept as it was.
 */
export const ZERO_MINUTES_BELOW_MS = 60_000;

export function isZeroMinutes(entry: { startedAt: number; endedAt: number | null }): boolean {
  return entry.endedAt !== null && entry.endedAt - entry.startedAt < ZERO_MINUTES_BELOW_MS;
}
