import { currentLanguage, t } from '../../i18n/i18n.ts';

/*
 * Dates (and months) typed and shown the way the chosen language writes them, kept as ISO days (`2026-12-04`) everywhere else:
 * Swedish writes them as ISO does; English (en-GB) day first, `04/12/2026`. A native date input follows the browser's
 * locale instead (a US `mm/dd/yyyy` beside Swedish words), which is why the form has its own field.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const BRITISH_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** How a date is written in the chosen language, for a placeholder or a hint: `ÅÅÅÅ-MM-DD` / `DD/MM/YYYY`. */
export function datePattern(): string {
  return t('forms:datePattern');
}

/** An ISO day as the chosen language writes it; '' stays ''. */
export function dayToText(isoDay: string): string {
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const [, year, month, day] = match;
  return currentLanguage() === 'en' ? `${day}/${month}/${year}` : isoDay;
}

/**
 * What a person typed as an ISO day: '' for nothing, null for text that is no date (the 31st of April too). ISO is
 * taken in either language, as people paste it from other tools.
 */
export function textToDay(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  let parts: [number, number, number] | null = null;
  const iso = ISO_DAY.exec(typed);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const british = currentLanguage() === 'en' ? BRITISH_DAY.exec(typed) : null;
  if (british) parts = [Number(british[3]), Number(british[2]), Number(british[1])];
  if (parts === null) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const BRITISH_MONTH = /^(\d{1,2})[/.-](\d{4})$/;

/** How a month is written in the chosen language: `ÅÅÅÅ-MM` / `MM/YYYY`. */
export function monthPattern(): string {
  return t('forms:monthPattern');
}

/** An ISO month (`2026-12`) as the chosen language writes it: `2026-12` / `12/2026`; '' stays ''. */
export function monthToText(isoMonth: string): string {
  const match = ISO_MONTH.exec(isoMonth);
  if (!match) return isoMonth;
  return currentLanguage() === 'en' ? `${match[2]}/${match[1]}` : isoMonth;
}

/** What a person typed as an ISO month: '' for nothing, null for text that is no month. ISO is taken in either language. */
export function textToMonth(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = ISO_MONTH.exec(typed);
  const british = currentLanguage() === 'en' ? BRITISH_MONTH.exec(typed) : null;
  const [year, month] = iso
    ? [Number(iso[1]), Number(iso[2])]
    : british
      ? [Number(british[2]), Number(british[1])]
      : [0, 0];
  if (year < 1000 || month < 1 || month > 12) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}`;
}

/** How a time of day is written: both languages use the 24-hour clock, `HH:MM` / `TT:MM`. */
export function timePattern(): string {
  return t('forms:timePattern');
}

/**
 * A time of day as typed (`9:05`, `09.05`, `0905`) written `09:05`; '' for nothing, null for text that is no time. A
 * native time input would instead follow the browser's locale (a 12-hour clock with AM/PM in a US browser).
 */
export function textToTime(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return '';
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(typed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
