import { describe, expect, test } from 'vitest';
import { missingTicketDetails } from '../../../common/tickets/model.ts';
import { slaState } from '../../../common/tickets/slaState.ts';

const DUE = Date.parse('2026-11-23T13:00:00+01:00');
const MIN = 60_000;

describe('SLA state', () => {
  test.each([
    ['on track two hours before', DUE - 120 * MIN, null, 'on_track'],
    ['due soon one hour before', DUE - 60 * MIN, null, 'due_soon'],
    ['due soon at the due instant', DUE, null, 'due_soon'],
    ['breached one millisecond after', DUE + 1, null, 'breached'],
    ['met when work started in time, whatever the clock says now', DUE + 600 * MIN, DUE - 5 * MIN, 'met'],
    ['breached when work started late', DUE + 600 * MIN, DUE + 5 * MIN, 'breached'],
  ] as const)('%s', (_description, now, firstResponseAt, expected) => {
    expect(slaState({ dueAt: DUE, firstResponseAt, acuteDueAt: null }, now)).toBe(expected);
  });

  test('an acute deadline warns in its last half hour only', () => {
    const acute = { dueAt: DUE, firstResponseAt: null, acuteDueAt: DUE };
    expect(slaState(acute, DUE - 45 * MIN)).toBe('on_track');
    expect(slaState(acute, DUE - 30 * MIN)).toBe('due_soon');
  });
});

test('a good ticket: what is still missing, in the helpdesk’s words', () => {
  const empty = {
    description: '',
    affectedUsers: '',
    hasScreenshot: false,
    schoolAndClass: '',
    problemStarted: '',
    pageLinks: '',
    browser: '',
  };
  expect(missingTicketDetails(empty)).toHaveLength(7);
  expect(
    missingTicketDetails({
      ...empty,
      description: 'x',
      affectedUsers: 'elev1',
      hasScreenshot: true,
      schoolAndClass: '7B',
      problemStarted: 'i morse',
      pageLinks: 'https://x',
      browser: 'Edge',
    }),
  ).toEqual([]);
  expect(missingTicketDetails({ ...empty, description: 'x', hasScreenshot: true })).toEqual([
    'affectedUsers',
    'schoolAndClass',
    'problemStarted',
    'pageLinks',
    'browser',
  ]);
  expect(missingTicketDetails({ ...empty, description: 'x', affectedUsers: 'elev1' })[0]).toBe('screenshot');
});

test('a ticket that promises no response time (no agreement in force) is never overdue, however late', () => {
  const noPromise = { dueAt: null, firstResponseAt: null, acuteDueAt: null };
  expect(slaState(noPromise, Date.parse('2030-01-01T00:00:00Z'))).toBe('no_promise');
  expect(slaState({ ...noPromise, firstResponseAt: Date.parse('2030-01-01T00:00:00Z') }, 0)).toBe(
    'no_promise',
  );
});
