import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { swedishOfficeCalendar } from '../../../main/tickets/officeCalendar.ts';
import { addOfficeHours, responseDue } from '../../../main/tickets/slaClock.ts';

/*
 * Every expected instant below was worked out by hand, with its reasoning beside it, and is written with the
 * Stockholm offset in force on that date (+01:00 winter, +02:00 from 29 March to 25 October 2026).
 * Office hours: 08:00-17:00 on weekdays that are not public holidays, midsommarafton, julafton or nyårsafton.
 */
const calendar = swedishOfficeCalendar();
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const cases: [description: string, received: string, hours: number, due: string][] = [
  // Ordinary weeks
  ['inside hours: 09:00 + 8 h ends at closing', '2026-11-16T09:00+01:00', 8, '2026-11-16T17:00+01:00'],
  ['at opening: 08:00 + 8 h', '2026-11-16T08:00+01:00', 8, '2026-11-16T16:00+01:00'],
  ['before opening: counts from 08:00', '2026-11-16T07:00+01:00', 8, '2026-11-16T16:00+01:00'],
  ['afternoon: 4 h Monday + 4 h Tuesday', '2026-11-16T13:00+01:00', 8, '2026-11-17T12:00+01:00'],
  ['exactly at closing: starts next morning', '2026-11-16T17:00+01:00', 8, '2026-11-17T16:00+01:00'],
  ['late evening: next morning 08:00 + 8 h', '2026-11-16T22:30+01:00', 8, '2026-11-17T16:00+01:00'],
  ['Friday afternoon into Monday: 3 h + 5 h', '2026-11-20T14:00+01:00', 8, '2026-11-23T13:00+01:00'],
  ['Friday 16:30: half an hour, then 7.5 h Monday', '2026-11-20T16:30+01:00', 8, '2026-11-23T15:30+01:00'],
  ['Friday evening: all of it on Monday', '2026-11-20T17:30+01:00', 8, '2026-11-23T16:00+01:00'],
  ['Saturday: Monday 16:00', '2026-11-21T10:00+01:00', 8, '2026-11-23T16:00+01:00'],
  ['Sunday just before midnight: Monday 16:00', '2026-11-22T23:59+01:00', 8, '2026-11-23T16:00+01:00'],
  ['4 office hours: 2 h Monday + 2 h Tuesday', '2026-11-16T15:00+01:00', 4, '2026-11-17T10:00+01:00'],
  ['16 office hours: 9 h Monday + 7 h Tuesday', '2026-11-16T08:00+01:00', 16, '2026-11-17T15:00+01:00'],
  ['zero hours on a Saturday: Monday at opening', '2026-11-21T10:00+01:00', 0, '2026-11-23T08:00+01:00'],
  // Easter 2026: långfredagen 3 April, påskdagen 5 April, annandag påsk 6 April
  [
    'skärtorsdagen 15:00: 2 h, then Easter is closed until Tuesday',
    '2026-04-02T15:00+02:00',
    8,
    '2026-04-07T14:00+02:00',
  ],
  ['långfredagen: Tuesday after Easter', '2026-04-03T10:00+02:00', 8, '2026-04-07T16:00+02:00'],
  ['annandag påsk: Tuesday', '2026-04-06T09:00+02:00', 8, '2026-04-07T16:00+02:00'],
  // Kristi himmelsfärdsdag, Thursday 14 May 2026; Friday 15 May is a working day
  [
    'Wednesday before Ascension: 5 h, Thursday closed, 3 h Friday',
    '2026-05-13T12:00+02:00',
    8,
    '2026-05-15T11:00+02:00',
  ],
  ['Ascension Day itself: Friday 16:00', '2026-05-14T08:00+02:00', 8, '2026-05-15T16:00+02:00'],
  // Första maj, Friday 1 May 2026; valborgsmässoafton is a full working day
  [
    'valborgsmässoafton noon: 5 h, then 1 May and the weekend, 3 h Monday',
    '2026-04-30T12:00+02:00',
    8,
    '2026-05-04T11:00+02:00',
  ],
  // Midsommarafton, Friday 19 June 2026
  ['Thursday before midsommar: 7 h, then Monday 1 h', '2026-06-18T10:00+02:00', 8, '2026-06-22T09:00+02:00'],
  ['midsommarafton: Monday 16:00', '2026-06-19T09:00+02:00', 8, '2026-06-22T16:00+02:00'],
  // Nationaldagen on a Friday (6 June 2025); annandag pingst 9 June 2025 is a working day since 2005
  [
    'nationaldagen on a Friday: 5 h Thursday, 3 h Monday (annandag pingst)',
    '2025-06-05T12:00+02:00',
    8,
    '2025-06-09T11:00+02:00',
  ],
  // Christmas 2026: julafton Thu 24, juldagen Fri 25, annandag jul Sat 26
  [
    '23 December 13:00: 4 h, then Christmas, 4 h on the 28th',
    '2026-12-23T13:00+01:00',
    8,
    '2026-12-28T12:00+01:00',
  ],
  ['julafton: Monday 28 December 16:00', '2026-12-24T11:00+01:00', 8, '2026-12-28T16:00+01:00'],
  // New Year: nyårsafton Thu 31 December, nyårsdagen Fri 1 January 2027, trettondedag jul Wed 6 January 2027
  [
    '30 December 15:00: 2 h, then 6 h on Monday 4 January',
    '2026-12-30T15:00+01:00',
    8,
    '2027-01-04T14:00+01:00',
  ],
  ['nyårsafton: Monday 4 January 16:00', '2026-12-31T10:00+01:00', 8, '2027-01-04T16:00+01:00'],
  [
    'day before trettondedag: 1 h, closed Wednesday, 7 h Thursday',
    '2027-01-05T16:00+01:00',
    8,
    '2027-01-07T15:00+01:00',
  ],
  // Daylight saving: spring forward Sunday 29 March 2026, fall back Sunday 25 October 2026
  [
    'Friday before spring DST: 4 h, then 4 h Monday in summer time',
    '2026-03-27T13:00+01:00',
    8,
    '2026-03-30T12:00+02:00',
  ],
  [
    'Saturday night before spring DST: Monday 16:00 summer time',
    '2026-03-28T23:30+01:00',
    8,
    '2026-03-30T16:00+02:00',
  ],
  [
    'Friday before autumn DST: 3 h, then 5 h Monday in winter time',
    '2026-10-23T14:00+02:00',
    8,
    '2026-10-26T13:00+01:00',
  ],
  [
    'the repeated hour of autumn DST: Monday 16:00 winter time',
    '2026-10-25T01:30:00Z',
    8,
    '2026-10-26T16:00+01:00',
  ],
];

describe('response due in office hours', () => {
  test.each(cases)('%s', (_description, received, hours, due) => {
    expect(iso(addOfficeHours(at(received), hours, calendar))).toBe(iso(at(due)));
  });

  test('the three eves are configurable: with them open, Thursday before midsommar ends Friday 09:00', () => {
    const evesOpen = swedishOfficeCalendar({ evesAreHolidays: false });
    expect(iso(addOfficeHours(at('2026-06-18T10:00+02:00'), 8, evesOpen))).toBe(
      iso(at('2026-06-19T09:00+02:00')),
    );
  });

  test('extra closed days are skipped', () => {
    const withKlamdag = swedishOfficeCalendar({ extraClosedDays: ['2026-05-15'] });
    expect(iso(addOfficeHours(at('2026-05-13T12:00+02:00'), 8, withKlamdag))).toBe(
      iso(at('2026-05-18T11:00+02:00')),
    );
  });

  test('closed days say why', () => {
    expect(calendar.closedReason(luxonDay('2026-04-03'))).toBe('långfredagen');
    expect(calendar.closedReason(luxonDay('2026-06-19'))).toBe('midsommarafton');
    expect(calendar.closedReason(luxonDay('2026-11-21'))).toBe('Saturday');
    expect(calendar.closedReason(luxonDay('2026-11-23'))).toBeNull();
  });

  test('negative hours are refused', () => {
    expect(() => addOfficeHours(at('2026-11-16T09:00+01:00'), -1, calendar)).toThrow(RangeError);
  });
});

describe('acute escalation: 2 hours of wall-clock time, any day', () => {
  const acute: [string, string, string][] = [
    ['Friday night across midnight into the weekend', '2026-11-20T23:30+01:00', '2026-11-21T01:30+01:00'],
    ['Saturday night across midnight', '2026-11-21T23:00+01:00', '2026-11-22T01:00+01:00'],
    [
      'across the spring DST jump: two real hours, local clock shows 04:30',
      '2026-03-29T01:30+01:00',
      '2026-03-29T04:30+02:00',
    ],
    ['on julafton', '2026-12-24T10:00+01:00', '2026-12-24T12:00+01:00'],
  ];
  test.each(acute)('%s', (_description, escalated, due) => {
    const result = responseDue(
      { receivedAt: at(escalated) - 60_000, escalatedAt: at(escalated) },
      8,
      calendar,
    );
    expect(iso(result.acuteDueAt!)).toBe(iso(at(due)));
    expect(result.dueAt).toBe(result.acuteDueAt);
  });

  test('the earlier of the standard and the acute due time governs', () => {
    // Received Friday 16:00 (standard due Monday 15:00), escalated 16:30 (acute due Friday 18:30).
    const result = responseDue(
      { receivedAt: at('2026-11-20T16:00+01:00'), escalatedAt: at('2026-11-20T16:30+01:00') },
      8,
      calendar,
    );
    expect(iso(result.standardDueAt!)).toBe(iso(at('2026-11-23T15:00+01:00')));
    expect(iso(result.dueAt!)).toBe(iso(at('2026-11-20T18:30+01:00')));
    const notEscalated = responseDue(
      { receivedAt: at('2026-11-20T16:00+01:00'), escalatedAt: null },
      8,
      calendar,
    );
    expect(notEscalated).toEqual({
      standardDueAt: result.standardDueAt,
      acuteDueAt: null,
      dueAt: result.standardDueAt,
    });
  });

  test('a customer without an agreement gets no response-time promise: not even the 02:00 Saturday acute one', () => {
    // Escalated Saturday 00:00: with an agreement the acute clock would say 02:00 Saturday.
    const noAgreement = responseDue(
      { receivedAt: at('2026-11-21T00:00+01:00'), escalatedAt: at('2026-11-21T00:00+01:00') },
      null,
      calendar,
    );
    expect(noAgreement).toEqual({ standardDueAt: null, acuteDueAt: null, dueAt: null });
  });
});

function luxonDay(date: string) {
  return DateTime.fromISO(date, { zone: 'Europe/Stockholm' });
}
