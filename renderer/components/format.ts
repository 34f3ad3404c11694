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

const sek = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' });
const hours = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer öre as Swedes write kronor: `1 234,50 kr` (a narrow no-break space between thousands). */
export function formatSek(ore: number): string {
  return sek.format(ore / 100);
}

/** Whole minutes as decimal hours the way an invoice shows them: `1,25 h`. */
export function formatHours(minutes: number): string {
  return `${hours.format(minutes / 60)} h`;
}

/** A duration for reading: `45 min`, `2 h`, `1 h 05 min`. Seconds are rounded to whole minutes. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** A running clock: `0:04:09`, `12:00:00`. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
