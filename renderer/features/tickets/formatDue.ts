const due = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** `mån 23 nov. 13:00`: the weekday matters most to someone counting office hours. Swedish time. */
export function formatDue(epochMs: number): string {
  return due.format(epochMs);
}
