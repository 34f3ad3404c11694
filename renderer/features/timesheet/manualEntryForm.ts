import { z } from 'zod';
import { manualTimeEntryInputSchema } from '../../../common/time/model.ts';
import type { FormSpec } from '../../components/form/formSpec.ts';
import { instantAt, swedishDay, weekDays } from '../../store/time/week.ts';

export type ManualEntryValues = {
  ticketId: string;
  /** YYYY-MM-DD, Swedish calendar. */
  day: string;
  /** HH:MM, Swedish time, on `day`. */
  startedAt: string;
  endedAt: string;
  note: string;
};

/** Friendly words for a missing ticket or a time that is not one, before the API's own rules run. */
const typedTimes = z
  .object({
    ticketId: z.string({ error: 'Choose a ticket' }).min(1, { error: 'Choose a ticket' }),
    startedAt: z.number({ error: 'Start must be a time like 09:30' }),
    endedAt: z.number({ error: 'End must be a time like 10:15' }),
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
      : [{ path: 'day', message: 'Date must be a day like 2026-11-16' }],
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
