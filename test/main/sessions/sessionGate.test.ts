import { describe, expect, test } from 'vitest';
import { admitSession } from '../../../main/sessions/sessionGate.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';

const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-12-07T09:30:00+01:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const { call, opened } = apiPerTest({ now: () => NOW });

/** Never connected to: the gate answers before anything connects. */
const target = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: 'hemligt' };

describe('the customer’s maintenance notices', () => {
  test('maintenance notices show before a session opens', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const notice = (startsAt: number, endsAt: number | null, summary: string) =>
      call.ok('notices.save', {
        environmentId: prepared.environment.id,
        notice: { startsAt, endsAt, summary, receivedAt: NOW - 3 * DAY },
      });
    await notice(at('2026-12-07T10:00:00+01:00'), at('2026-12-07T12:00:00+01:00'), 'WAP01 is being patched');
    await notice(NOW - HOUR, null, 'New firewall rules toward the DMZ.');
    await notice(NOW + 10 * DAY, NOW + 10 * DAY + HOUR, 'AD FS farm moves to new hardware');
    await notice(NOW - 2 * DAY, NOW - DAY, 'Sync server restarted');

    // The gate's answer: the verdict every session passes, with the notices in force or coming within a week.
    const admission = await admitSession(opened.backend.registryContext(), {
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      overrideReason: null,
    });
    expect(admission.verdict.blockers).toEqual([]);
    expect(admission.verdict.warnings).toEqual([
      {
        code: 'MAINTENANCE_NOTICE',
        message:
          "New firewall rules toward the DMZ, from 2026-12-07 08:30 until further notice (in progress; the customer's " +
          'notice for Produktion).',
        sentence: {
          key: 'maintenanceNotice',
          values: {
            summary: 'New firewall rules toward the DMZ',
            environment: 'Produktion',
            timing: 'current',
            startsAt: NOW - HOUR,
          },
        },
      },
      {
        code: 'MAINTENANCE_NOTICE',
        message:
          "WAP01 is being patched, 2026-12-07 10:00–12:00 (coming; the customer's notice for Produktion).",
        sentence: {
          key: 'maintenanceNotice',
          values: {
            summary: 'WAP01 is being patched',
            environment: 'Produktion',
            timing: 'upcoming',
            startsAt: at('2026-12-07T10:00:00+01:00'),
            endsAt: at('2026-12-07T12:00:00+01:00'),
          },
        },
      },
    ]);

    // The session dialog asks the same question before it offers to connect; the review does not carry them.
    const check = await call.ok('eligibility.check', {
      customerId: prepared.customer.id,
      environmentId: prepared.environment.id,
    });
    expect(check.warnings).toEqual(admission.verdict.warnings);
    const [row] = await call.ok('eligibility.review', {});
    expect(row!.verdict.warnings).toEqual([]);

    // All four are listed on the environment, latest start first, with who recorded them.
    const detail = await call.ok('registry.getCustomer', { id: prepared.customer.id });
    const notices = detail.environments[0]!.notices;
    expect(notices.map((n) => n.summary)).toEqual([
      'AD FS farm moves to new hardware',
      'WAP01 is being patched',
      'New firewall rules toward the DMZ.',
      'Sync server restarted',
    ]);
    expect(notices[1]).toMatchObject({
      receivedAt: NOW - 3 * DAY,
      recordedAt: NOW,
      recordedBy: 'Tekla Tekniker',
    });
  });

  test('a notice that ends before it starts is refused, and one is edited and deleted', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const refused = await call.fails('notices.save', {
      environmentId: prepared.environment.id,
      notice: { startsAt: NOW, endsAt: NOW - HOUR, summary: 'Omstart' },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.details?.issues).toEqual([
      { path: 'notice.endsAt', message: 'The end must come after the start' },
    ]);
    const empty = await call.fails('notices.save', {
      environmentId: prepared.environment.id,
      notice: { startsAt: NOW, summary: '  ' },
    });
    expect(empty.details?.issues?.[0]?.path).toBe('notice.summary');

    const saved = await call.ok('notices.save', {
      environmentId: prepared.environment.id,
      notice: { startsAt: NOW + HOUR, summary: 'Omstart av WAP02' },
    });
    expect(saved).toMatchObject({ endsAt: null, receivedAt: NOW });
    const edited = await call.ok('notices.save', {
      environmentId: prepared.environment.id,
      id: saved.id,
      rowVersion: saved.rowVersion,
      notice: { startsAt: NOW + HOUR, endsAt: NOW + 2 * HOUR, summary: 'Omstart av WAP02' },
    });
    expect(edited.endsAt).toBe(NOW + 2 * HOUR);
    await call.ok('notices.delete', { id: saved.id });
    const detail = await call.ok('registry.getCustomer', { id: prepared.customer.id });
    expect(detail.environments[0]!.notices).toEqual([]);
  });

  test('a notice for an unknown environment, or edited through another, is not found and nothing changes', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const saved = await call.ok('notices.save', {
      environmentId: prepared.environment.id,
      notice: { startsAt: NOW + HOUR, summary: 'Omstart av WAP02' },
    });
    const other = await call.ok('registry.saveEnvironment', {
      customerId: prepared.customer.id,
      environment: { name: 'Test' },
    });
    const refusals = [
      await call.fails('notices.save', {
        environmentId: crypto.randomUUID(),
        notice: { startsAt: NOW, summary: 'Omstart' },
      }),
      await call.fails('notices.save', {
        environmentId: other.id,
        id: saved.id,
        rowVersion: saved.rowVersion,
        notice: { startsAt: NOW, summary: 'Flyttad' },
      }),
      await call.fails('notices.delete', { id: crypto.randomUUID() }),
      await call.fails('notices.save', {
        environmentId: prepared.environment.id,
        notice: { startsAt: '2026-12-07T10:00', summary: 'Omstart' },
      }),
    ];
    expect(refusals.map((r) => [r.code, r.details?.issues?.[0]?.path])).toEqual([
      ['NOT_FOUND', undefined],
      ['NOT_FOUND', undefined],
      ['NOT_FOUND', undefined],
      ['VALIDATION', 'notice.startsAt'],
    ]);
    const detail = await call.ok('registry.getCustomer', { id: prepared.customer.id });
    expect(detail.environments.flatMap((e) => e.notices)).toEqual([saved]);
  });
});
