const dateTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/** Swedish notation (2025-03-14 09:30), Stockholm time, whatever the machine's own zone. */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
