import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/api/client.ts';
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

const audit = () => stores.audit.getState();
const seqs = () => audit().events.map((e) => e.seq);

describe('the audit store, against a real backend', () => {
  it('loads the newest page, then older pages until there are no more', async () => {
    await writeEvents(130);
    await audit().load();
    expect(seqs()).toEqual(Array.from({ length: 100 }, (_, i) => 130 - i));
    expect(audit().hasOlder).toBe(true);
    expect(audit().actors.map((a) => a.actorName)).toEqual(['Tekla Tekniker']);

    await audit().loadOlder();
    expect(seqs()).toEqual(Array.from({ length: 130 }, (_, i) => 130 - i));
    expect(audit().hasOlder).toBe(false);
  });

  it('filters by subject and by Swedish days, and sends nothing for a period that ends before it starts', async () => {
    await writeEvents(30); // 10 March 09:00 to 11 March 14:00, Swedish time
    await audit().load();
    audit().setFilter({ subjectType: 'session', subjectId: 's7' });
    await waitFor(() => seqs().length === 1);
    expect(seqs()).toEqual([7]);

    audit().setFilter({ subjectId: '', fromDay: '2026-03-11', toDay: '2026-03-11' });
    // From midnight on the 11th: events 16 (00:00) to 30.
    await waitFor(() => seqs()[0] === 30 && seqs().at(-1) === 16);
    expect(audit().filterProblem).toBeNull();

    audit().setFilter({ fromDay: '2026-03-12' });
    expect(audit().filterProblem).toBe('The end of the period must come after its start');
    expect(seqs().at(-1)).toBe(16);

    audit().clearFilter();
    await waitFor(() => seqs().length === 30);
    expect(audit().filterProblem).toBeNull();
  });
});
