import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../common/api/contract.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import type { Transport } from '../../../renderer/api/transport.ts';
import { PAGE } from '../../../renderer/store/audit/action.ts';
import { createStores, type Stores } from '../../../renderer/store/stores.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';

let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
// 10 March 2026, 09:00 in Stockholm; one event an hour.
const START = Date.UTC(2026, 2, 10, 8);
let now = START;

beforeEach(async () => {
  now = START;
  env = await openPassphraseBackend({ now: () => now });
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
});
afterEach(async () => env.cleanup());

async function writeEvents(count: number) {
  for (let i = 1; i <= count; i++) {
    await env.backend.audit().append({ event: 'session.opened', subject: { type: 'session', id: `s${i}` } });
    now += 3_600_000;
  }
}

/** Session events, opened and closed by turns (seq 1 opened, 2 closed, ...), one an hour. */
async function writeOpenedAndClosed(count: number) {
  for (let i = 1; i <= count; i++) {
    await env.backend.audit().append({
      event: i % 2 === 1 ? 'session.opened' : 'session.closed',
      subject: { type: 'session', id: `s${i}` },
    });
    now += 3_600_000;
  }
}

/**
 * The real backend, but the answers to older-page calls (`audit.list` with `beforeSeq`) wait until the test lets
 * them go, so a filter can change while one is on its way.
 */
function holdingOlderPages(transport: Transport) {
  const held: { input: MethodInput<'audit.list'>; release: () => void }[] = [];
  const wrapped: Transport = {
    ...transport,
    async call(method, input) {
      const answer = await transport.call(method, input);
      const list = input as MethodInput<'audit.list'>;
      if (method === 'audit.list' && list.beforeSeq !== undefined) {
        await new Promise<void>((release) => held.push({ input: list, release }));
      }
      return answer;
    },
  };
  return { transport: wrapped, held };
}

/** The real backend, counting the `audit.list` calls sent to it. */
function countingLists(transport: Transport) {
  const counted = { lists: 0 };
  const wrapped: Transport = {
    ...transport,
    call(method, input) {
      if (method === 'audit.list') counted.lists++;
      return transport.call(method, input);
    },
  };
  return { transport: wrapped, counted };
}

// The seqs where pages end in the tests below (61, 161) are worked out for a PAGE of 100.
const audit = () => stores.audit.getState();
const seqs = () => audit().events.map((e) => e.seq);

describe('the audit store, against a real backend', () => {
  it('loads the newest page, then older pages until there are no more', async () => {
    await writeEvents(130);
    await audit().load();
    expect(seqs()).toEqual(Array.from({ length: PAGE }, (_, i) => 130 - i));
    expect(audit().hasOlder).toBe(true);
    expect(audit().actors.map((a) => a.actorName)).toEqual(['Tekla Tekniker']);

    await audit().loadOlder();
    expect(seqs()).toEqual(Array.from({ length: 130 }, (_, i) => 130 - i));
    expect(audit().hasOlder).toBe(false);
  });

  it('filters by subject and by Swedish days, and sends nothing for a period that ends before it starts', async () => {
    const { transport, counted } = countingLists(inProcessTransport(env.backend));
    stores = createStores(createApiClient(transport));
    await writeEvents(30); // 10 March 09:00 to 11 March 14:00, Swedish time
    await audit().load();
    audit().setFilter({ subjectType: 'session', subjectId: 's7' });
    await waitFor(() => seqs().length === 1);
    expect(seqs()).toEqual([7]);

    audit().setFilter({ subjectId: '', fromDay: '2026-03-11', toDay: '2026-03-11' });
    // From midnight on the 11th: events 16 (00:00) to 30.
    await waitFor(() => seqs()[0] === 30 && seqs().at(-1) === 16);
    expect(audit().filterProblem).toBeNull();

    const sent = counted.lists;
    audit().setFilter({ fromDay: '2026-03-12' });
    expect(audit().filterProblem).toBe('The end of the period must come after its start');
    // Long enough for a call, had one been sent, to be answered (main would refuse it) and the answer shown.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(counted.lists).toBe(sent);
    expect(audit().status).toBe('ready');
    expect(audit().error).toBeNull();
    expect(audit().filterProblem).toBe('The end of the period must come after its start');
    expect(seqs().at(-1)).toBe(16);

    audit().clearFilter();
    await waitFor(() => seqs().length === 30);
    expect(audit().filterProblem).toBeNull();
  });

  it('a filter changed while an older page is on its way: that page is dropped and paging works for the new list', async () => {
    const { transport, held } = holdingOlderPages(inProcessTransport(env.backend));
    stores = createStores(createApiClient(transport));
    await writeOpenedAndClosed(260);
    await audit().load();
    expect(seqs()[0]).toBe(260);
    expect(audit().hasOlder).toBe(true);

    const older = audit().loadOlder();
    await waitFor(() => held.length === 1);
    expect(audit().loadingOlder).toBe(true);
    audit().setFilter({ event: 'session.opened' });
    // The 130 opened events: the newest 100 (odd seqs 259 down to 61) on the first page.
    await waitFor(() => seqs()[0] === 259);
    held[0]!.release();
    await older;
    expect(seqs()).toEqual(Array.from({ length: PAGE }, (_, i) => 259 - 2 * i));
    expect(audit().loadingOlder).toBe(false);
    expect(audit().hasOlder).toBe(true);

    // "Load older events" is usable again, for the new list.
    const next = audit().loadOlder();
    await waitFor(() => held.length === 2);
    expect(held[1]!.input).toMatchObject({ event: 'session.opened', beforeSeq: 61 });
    held[1]!.release();
    await next;
    expect(seqs()).toEqual(Array.from({ length: 130 }, (_, i) => 259 - 2 * i));
    expect(audit().loadingOlder).toBe(false);
    expect(audit().hasOlder).toBe(false);
  });

  it('"Load older" right after a filter change asks nothing until the new list is there, and never mixes the lists', async () => {
    const { transport, held } = holdingOlderPages(inProcessTransport(env.backend));
    stores = createStores(createApiClient(transport));
    await writeOpenedAndClosed(260);
    await audit().load();
    expect(seqs().at(-1)).toBe(161);

    audit().setFilter({ event: 'session.opened' });
    const older = audit().loadOlder(); // before the new first page has come
    await waitFor(() => seqs()[0] === 259);
    // Had it been sent, it would have asked for opened events before 161 and put them after 259..61.
    for (const call of held) call.release();
    await older;
    expect(seqs()).toEqual(Array.from({ length: PAGE }, (_, i) => 259 - 2 * i));
    expect(held).toEqual([]);
    expect(audit().loadingOlder).toBe(false);
    expect(audit().hasOlder).toBe(true);
  });
});
