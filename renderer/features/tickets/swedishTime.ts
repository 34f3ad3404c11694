const swedish = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** `mån 23 nov. 13:00` in Swedish time: the weekday matters most to someone counting office hours. */
export function formatSwedishTime(epochMs: number): string {
  return swedish.format(epochMs);
}
