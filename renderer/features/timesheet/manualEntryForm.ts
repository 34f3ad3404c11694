import { z } from 'zod';
import { manualTimeEntryInputSchema } from '../../../common/time/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { t } from '../../i18n/i18n.ts';
import { instantAt, swedishDay, weekDays } from '../../store/time/week.ts';
import { dayToText } from '../../components/form/dateText.ts';

export type ManualEntryValues = {
  ticketId: string;
  /** YYYY-MM-DD, Swedish calendar. */
  day: string;
  /** HH:MM, Swedish time, on `day`. */
  startedAt: string;
  endedAt: string;
  note: string;
};

/**
 * Friendly words for a missing ticket or a time that is not one, before the API's own rules run; the messages are
 * read when zod reports them, so they follow the language chosen then.
 */
const typedTimes = z
  .object({
    ticketId: z
      .string({ error: () => t('timesheet:manual.chooseTicketError') })
      .min(1, { error: () => t('timesheet:manual.chooseTicketError') }),
    startedAt: z.number({ error: () => t('timesheet:manual.startError') }),
    endedAt: z.number({ error: () => t('timesheet:manual.endError') }),
  })
  .loose()
  .pipe(manualTimeEntryInputSchema);

export const manualEntrySpec: FormSpec<ManualEntryValues> = {
  fields: ['ticketId', 'day', 'startedAt', 'endedAt', 'note'],
  schema: typedTimes,
  toInput: (v) => ({
    ticketId: v.ticketId,
    startedAt: instantAt(v.day.trim(), v.startedAt.trim()),
    endedAt: instantAt(v.day.trim(), v.endedAt.trim()),
    note: v.note,
  }),
  check: (v) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v.day.trim()) && !Number.isNaN(instantAt(v.day.trim(), '12:00'))
      ? []
      : [{ path: 'day', message: t('timesheet:manual.dateError', { example: dayToText('2026-11-16') }) }],
};

/** Today when it is in the week shown, else the week's Monday; the first open ticket. */
export function manualEntryValues(weekStart: string, now: number, ticketId: string): ManualEntryValues {
  const today = swedishDay(now);
  return {
    ticketId,
    day: weekDays(weekStart).includes(today) ? today : weekStart,
    startedAt: '',
    endedAt: '',
    note: '',
  };
}
