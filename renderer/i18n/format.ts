import { currentLocale, t } from './i18n.ts';

/*
 * Dates, numbers and money in the chosen language's notation. Times are Stockholm time whatever the machine's own
 * zone: the SLA, the terms and the invoices all count in it. Formatters are built once per locale.
 */
const STOCKHOLM = 'Europe/Stockholm';

function perLocale<T>(make: (locale: string) => T): () => T {
  const built = new Map<string, T>();
  return () => {
    const locale = currentLocale();
    let formatter = built.get(locale);
    if (!formatter) {
      formatter = make(locale);
      built.set(locale, formatter);
    }
    return formatter;
  };
}

const dateTime = perLocale(
  (l) => new Intl.DateTimeFormat(l, { dateStyle: 'short', timeStyle: 'short', timeZone: STOCKHOLM }),
);
const date = perLocale((l) => new Intl.DateTimeFormat(l, { dateStyle: 'short', timeZone: STOCKHOLM }));
const time = perLocale((l) => new Intl.DateTimeFormat(l, { timeStyle: 'short', timeZone: STOCKHOLM }));
const dayTime = perLocale(
  (l) =>
    new Intl.DateTimeFormat(l, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: STOCKHOLM,
    }),
);
const longDay = perLocale(
  (l) => new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', timeZone: STOCKHOLM }),
);
const monthYear = perLocale(
  (l) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: STOCKHOLM }),
);
const integer = perLocale((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 0 }));
const sek = perLocale((l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'SEK' }));
const hours = perLocale(
  (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);

// sv-SE writes dates as ISO does; the zone makes it the day it is in Sweden, not in UTC.
const isoDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2026-11-22`, the Stockholm day, whatever the language: for file names and values machines read. */
export function formatIsoDay(epochMs: number): string {
  return isoDay.format(epochMs);
}

/** `2025-03-14 09:30` in Swedish, `14/03/2025, 09:30` in English. */
export function formatDateTime(epochMs: number): string {
  return dateTime().format(epochMs);
}

export function formatDate(epochMs: number): string {
  return date().format(epochMs);
}

export function formatTime(epochMs: number): string {
  return time().format(epochMs);
}

/** `mån 23 nov. 13:00` / `Mon 23 Nov, 13:00`: the weekday matters most to someone counting office hours. */
export function formatDayTime(epochMs: number): string {
  return dayTime().format(epochMs);
}

/** `måndag 23 november` / `Monday 23 November`. */
export function formatLongDay(epochMs: number): string {
  return longDay().format(epochMs);
}

/** `november 2026` / `November 2026`. */
export function formatMonthYear(epochMs: number): string {
  return monthYear().format(epochMs);
}

/** `12 345` / `12,345`. */
export function formatCount(value: number): string {
  return integer().format(value);
}

const oneDecimal = perLocale(
  (l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
);
/** `1.5` / `1,5`: a size or a speed to one decimal. */
export function formatOneDecimal(value: number): string {
  return oneDecimal().format(value);
}

/** Integer öre as kronor: `1 234,50 kr` in Swedish (narrow no-break spaces), `SEK 1,234.50` in English. */
export function formatSek(ore: number): string {
  return sek().format(ore / 100);
}

/** Whole minutes as decimal hours the way an invoice shows them: `1,25 h` / `1.25 h`. */
export function formatHours(minutes: number): string {
  return t('common:units.hours', { value: hours().format(minutes / 60) });
}

/** A duration for reading: `45 min`, `2 h`, `1 h 05 min`. Seconds are rounded to whole minutes. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('common:units.minutes', { m });
  if (m === 0) return t('common:units.hours', { value: h });
  return t('common:units.hoursMinutes', { h, m: String(m).padStart(2, '0') });
}

/** A running clock: `0:04:09`, `12:00:00`. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}
