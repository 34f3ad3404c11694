import { describe, expect, test } from 'vitest';
import { LotsenError } from '../../../common/api/errors.ts';
import { localPrincipal, memberPrincipal, type Principal } from '../../../common/team/principal.ts';
import { createDispatcher, type Handlers } from '../../../main/api/dispatcher.ts';

const ID = '11111111-1111-4111-8111-111111111111';

function dispatcherWith(
  overrides: Partial<Handlers>,
  options: { locked?: boolean; principal?: Principal } = {},
) {
  const internal: string[] = [];
  const dispatcher = createDispatcher(overrides as Handlers, {
    assertUnlocked: () => {
      if (options.locked) throw new LotsenError('VAULT_LOCKED', 'The store is locked; unlock it first.');
    },
    principal: () => options.principal ?? localPrincipal(ID),
    onInternalError: (method, error) => internal.push(`${method}: ${(error as Error).message}`),
  });
  return { dispatcher, internal };
}

describe('the dispatcher', () => {
  test('an unknown method is refused by name, including prototype keys', async () => {
    const { dispatcher } = dispatcherWith({});
    for (const name of ['registry.nope', 'toString', '__proto__', 42]) {
      expect(await dispatcher.dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD' },
      });
    }
  });

  test('input is validated before the handler runs', async () => {
    let ran = false;
    const { dispatcher } = dispatcherWith({
      'registry.getCustomer': async () => {
        ran = true;
        throw new Error('unreachable');
      },
    });
    const result = await dispatcher.dispatch('registry.getCustomer', { id: 'not-a-uuid', extra: 1 });
    expect(ran).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('a locked store refuses data methods but answers app methods', async () => {
    const { dispatcher } = dispatcherWith(
      {
        'registry.listCustomers': async () => [],
        'app.status': async () => ({
          state: 'locked',
          keyStore: 'passphrase',
          user: null,
          principal: null,
          dataDir: '/x',
          database: { state: 'embedded', since: null },
        }),
      },
      { locked: true },
    );
    expect(await dispatcher.dispatch('registry.listCustomers', {})).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    expect(await dispatcher.dispatch('app.status', {})).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
  });

  test('an unexpected failure is reported as INTERNAL without its message', async () => {
    const { dispatcher, internal } = dispatcherWith({
      'registry.getCustomer': async () => {
        throw new Error('SQLITE_CORRUPT at /home/tekla/secret-path');
      },
    });
    const result = await dispatcher.dispatch('registry.getCustomer', { id: ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret-path');
    expect(internal).toHaveLength(1);
  });

  test('outputs are checked against the contract, and fields it does not list are stripped', async () => {
    const account = {
      id: ID,
      environmentId: ID,
      username: 'svc',
      notes: '',
      hasSecret: true,
      hasTotpSeed: false,
      secretUpdatedAt: 1,
      rowVersion: 1,
    };
    const { dispatcher } = dispatcherWith({
      'registry.saveSupportAccount': async () => ({ ...account, secret: 'leaked' }) as never,
      'registry.getCustomer': async () => ({ id: ID }) as never,
    });
    const saved = await dispatcher.dispatch('registry.saveSupportAccount', {
      environmentId: ID,
      account: { username: 'svc' },
    });
    expect(saved).toEqual({ ok: true, value: account });
    expect(await dispatcher.dispatch('registry.getCustomer', { id: ID })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('one-way messages (notify)', () => {
  /** A dispatcher whose ack handler notes what it was given. */
  function acking(options: Parameters<typeof dispatcherWith>[1] = {}) {
    const acked: unknown[] = [];
    const made = dispatcherWith(
      {
        'sessions.ack': async (input) => {
          acked.push(input);
          return null;
        },
      },
      options,
    );
    return { ...made, acked };
  }

  test('a valid one reaches the handler at once, before anything is awaited', () => {
    const { dispatcher, acked } = acking();
    expect(dispatcher.notify('sessions.ack', { sessionId: ID, bytes: 5_000 })).toEqual({ delivered: true });
    expect(acked).toEqual([{ sessionId: ID, bytes: 5_000 }]);
  });

  test('an invalid input, a locked store and a role the matrix refuses are dropped with their code', () => {
    const { dispatcher, acked } = acking();
    for (const input of [
      { sessionId: ID, bytes: 0 },
      { sessionId: 'x', bytes: 1 },
      { sessionId: ID },
      null,
      'ack',
    ]) {
      expect(dispatcher.notify('sessions.ack', input)).toEqual({ delivered: false, code: 'VALIDATION' });
    }
    const valid = { sessionId: ID, bytes: 1 };
    expect(acking({ locked: true }).dispatcher.notify('sessions.ack', valid)).toEqual({
      delivered: false,
      code: 'VAULT_LOCKED',
    });
    const finance = acking({ principal: memberPrincipal(ID, 'finance', true) });
    expect(finance.dispatcher.notify('sessions.ack', valid)).toEqual({ delivered: false, code: 'FORBIDDEN' });
    const technician = acking({ principal: memberPrincipal(ID, 'technician', false) });
    expect(technician.dispatcher.notify('sessions.ack', valid)).toEqual({ delivered: true });
    expect([acked, finance.acked, technician.acked]).toEqual([[], [], [valid]]);
  });

  test("a handler's failure is reported as internal, and the notify itself never throws", async () => {
    const { dispatcher, internal } = dispatcherWith({
      'sessions.ack': () => {
        throw new Error('boom');
      },
    });
    expect(dispatcher.notify('sessions.ack', { sessionId: ID, bytes: 1 })).toEqual({ delivered: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(internal).toEqual(['sessions.ack: boom']);
  });
});
