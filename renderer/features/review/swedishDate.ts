// sv-SE writes dates as ISO does (2026-11-22); the zone makes the file name the day it is in Sweden, not in UTC.
const isoDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function swedishDate(epochMs: number): string {
  return isoDay.format(epochMs);
}
