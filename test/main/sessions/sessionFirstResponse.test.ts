import { describe, expect, test } from 'vitest';
import type { SessionView } from '../../../common/sessions/model.ts';
import { apiPerTest } from '../../support/apiPerTest.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';

const { call, opened } = apiPerTest({ log: () => undefined, sessions: { shell: '/bin/sh' } });

/** Never connected to: these sessions are local terminals. */
const target = { host: 'wap01.kalmar.se', port: 22, username: 'svc_lotsen', secret: 'hemligt' };

/** Opens a local terminal for the ticket and closes it once it is open. */
async function localSession(
  prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>,
): Promise<SessionView> {
  const isOpen = new Promise<void>((resolve) => {
    const stop = opened.backend.on('sessions.changed', (s) => {
      if (s.state !== 'open') return;
      stop();
      resolve();
    });
  });
  const session = await call.ok('sessions.open', localOpenInput(prepared));
  await isOpen;
  await call.ok('sessions.close', { sessionId: session.id });
  return session;
}

describe('the first response', () => {
  test('the first session for a ticket records its first response', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    expect(prepared.ticket.firstResponseAt).toBeNull();

    const first = await localSession(prepared);
    const ticket = await call.ok('tickets.get', { id: prepared.ticket.id });
    expect(ticket.firstResponseAt).toBe(first.openedAt);
    expect(ticket.firstResponseSession).toEqual({ id: first.id, title: first.title });
    expect(ticket.firstResponseAt! <= ticket.dueAt!).toBe(true);

    // Audited with ids and the instant only, in the chain.
    const events = await call.ok('audit.list', { event: 'ticket.first_response_recorded' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: 'ticket',
      subjectId: prepared.ticket.id,
      details: { sessionId: first.id, firstResponseAt: first.openedAt },
    });
    expect(Object.keys(events[0]!.details).sort()).toEqual(['firstResponseAt', 'sessionId']);
    expect((await call.ok('audit.verify', {})).intact).toBe(true);

    // A later session is not the first response.
    await localSession(prepared);
    const after = await call.ok('tickets.get', { id: prepared.ticket.id });
    expect(after.firstResponseAt).toBe(first.openedAt);
    expect(after.firstResponseSession?.id).toBe(first.id);
    expect(await call.ok('audit.list', { event: 'ticket.first_response_recorded' })).toHaveLength(1);
  });

  test('a recorded first response is not overwritten', async () => {
    const prepared = await prepareSessionCustomer(call, target);
    const manual = prepared.ticket.receivedAt + 30_000;
    await call.ok('tickets.recordFirstResponse', { id: prepared.ticket.id, at: manual });

    await localSession(prepared);
    const ticket = await call.ok('tickets.get', { id: prepared.ticket.id });
    expect(ticket.firstResponseAt).toBe(manual);
    expect(ticket.firstResponseSession).toBeNull();
    expect(await call.ok('audit.list', { event: 'ticket.first_response_recorded' })).toEqual([]);

    // Nor by a save from a form opened before it was recorded, which names none: refused as stale (issue 14), and
    // once saved against the version stored now, the recorded first response stays.
    const { id: _id, ...stale } = prepared.ticket;
    const save = (rowVersion: number) => ({
      id: prepared.ticket.id,
      rowVersion,
      ticket: {
        customerId: stale.customerId,
        requesterName: stale.requesterName,
        requesterEmail: stale.requesterEmail,
        environmentId: stale.environmentId,
        subject: 'WAP svarar inte alls',
        receivedAt: stale.receivedAt,
        firstResponseAt: null,
      },
    });
    expect((await call.fails('tickets.save', save(prepared.ticket.rowVersion))).code).toBe('CONFLICT');
    await call.ok('tickets.save', save(ticket.rowVersion));
    expect((await call.ok('tickets.get', { id: prepared.ticket.id })).firstResponseAt).toBe(manual);
  });
});
