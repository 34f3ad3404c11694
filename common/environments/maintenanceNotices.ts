import { DateTime } from 'luxon';
import { z } from 'zod';
import { rowVersionSchema } from '../api/rowVersion.ts';
import { lazily } from '../api/lazySchema.ts';

// Not model.ts's idSchema: the registry's environment view holds these, and model.ts imports this file.
const idSchema = lazily(() => z.string().uuid({ error: 'Not a valid id' }));

/**
 * The customer's notices of maintenance or changes in one environment (DOMAIN, "Eligibility" 4: the customer tells
 * the vendor). They are shown before a session opens there, so the technician knows that, say, WAP01 is being patched
 * from 10:00 to 12:00 before connecting to it. A notice warns and never blocks: the customer did what the terms ask
 * of it by telling, and acute help is often needed exactly during its maintenance.
 */

/** Notices that start within this many days count as upcoming, and are shown before a session. */
export const NOTICE_LOOKAHEAD_DAYS = 7;
const DAY_MS = 86_400_000;

/** Epoch milliseconds on the wire; the message speaks to the person typing one in the app (Swedish time). */
const instant = (label: string) =>
  z
    .number({ error: `${label} must be a time, e.g. 2026-12-07T10:00` })
    .int({ error: `${label} must be a time, e.g. 2026-12-07T10:00` })
    .min(0, { error: `${label} must be a time, e.g. 2026-12-07T10:00` });

export const maintenanceNoticeInputSchema = lazily(() =>
  z
    .object({
      startsAt: instant('From'),
      /** Null: until further notice. */
      endsAt: instant('To').nullable().default(null),
      summary: z
        .string({ error: 'Summary must be text' })
        .trim()
        .min(1, { error: 'Say what the customer will do, e.g. "WAP01 is being patched"' })
        .max(1_000, { error: 'Summary is longer than 1000 characters' }),
      /** When the customer told the vendor; now when left out. */
      receivedAt: instant('Told us at').optional(),
    })
    .strict()
    .superRefine((notice, ctx) => {
      if (notice.endsAt !== null && notice.endsAt <= notice.startsAt) {
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must come after the start' });
      }
    }),
);
export type MaintenanceNoticeInput = z.input<typeof maintenanceNoticeInputSchema>;
export type MaintenanceNoticeFields = z.output<typeof maintenanceNoticeInputSchema>;

export const maintenanceNoticeViewSchema = lazily(() =>
  z.object({
    id: idSchema,
    environmentId: idSchema,
    startsAt: z.number().int(),
    endsAt: z.number().int().nullable(),
    summary: z.string(),
    receivedAt: z.number().int(),
    recordedAt: z.number().int(),
    /** Who recorded it, by name. */
    recordedBy: z.string(),
    rowVersion: rowVersionSchema,
  }),
);
export type MaintenanceNoticeView = z.infer<typeof maintenanceNoticeViewSchema>;

export type NoticeTiming = 'current' | 'upcoming' | 'later' | 'past';

export function noticeTiming(
  notice: Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt'>,
  at: number,
): NoticeTiming {
  if (notice.endsAt !== null && notice.endsAt <= at) return 'past';
  if (notice.startsAt <= at) return 'current';
  return notice.startsAt - at <= NOTICE_LOOKAHEAD_DAYS * DAY_MS ? 'upcoming' : 'later';
}

/** What the technician sees before a session: notices in force now or starting within a week, soonest first. */
export function noticesBeforeSession<N extends Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt'>>(
  notices: readonly N[],
  at: number,
): N[] {
  return notices
    .filter((notice) => {
      const timing = noticeTiming(notice, at);
      return timing === 'current' || timing === 'upcoming';
    })
    .sort((a, b) => a.startsAt - b.startsAt);
}

const ZONE = 'Europe/Stockholm';
const day = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM-dd');
const time = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('HH:mm');

/** When a notice runs, in Swedish time: `2026-12-07 10:00–12:00`, or `from 2026-12-07 10:00 until further notice`. */
export function noticePeriod(notice: Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt'>): string {
  const start = `${day(notice.startsAt)} ${time(notice.startsAt)}`;
  if (notice.endsAt === null) return `from ${start} until further notice`;
  const end =
    day(notice.endsAt) === day(notice.startsAt)
      ? time(notice.endsAt)
      : `${day(notice.endsAt)} ${time(notice.endsAt)}`;
  return `${start}–${end}`;
}

/**
 * The sentence shown before a session: `WAP01 is being patched, 2026-12-07 10:00–12:00 (in progress; the customer's
 * notice for Produktion).`
 */
export function noticeWarning(
  notice: Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt' | 'summary'>,
  where: string,
  at: number,
): string {
  const when = noticeTiming(notice, at) === 'current' ? 'in progress' : 'coming';
  const summary = notice.summary.replace(/[.\s]+$/, '');
  return `${summary}, ${noticePeriod(notice)} (${when}; the customer's notice for ${where}).`;
}

/**
 * The same notice by its parts, for the console to say in its language (a reason's `sentence`): the summary is the
 * customer's own words (data), the times epoch ms, `timing` `current` or `upcoming`; no `endsAt` when open-ended.
 */
export function noticeSentence(
  notice: Pick<MaintenanceNoticeView, 'startsAt' | 'endsAt' | 'summary'>,
  where: string,
  at: number,
): { key: 'maintenanceNotice'; values: Record<string, string | number> } {
  return {
    key: 'maintenanceNotice',
    values: {
      summary: notice.summary.replace(/[.\s]+$/, ''),
      environment: where,
      timing: noticeTiming(notice, at) === 'current' ? 'current' : 'upcoming',
      startsAt: notice.startsAt,
      ...(notice.endsAt !== null && { endsAt: notice.endsAt }),
    },
  };
}
