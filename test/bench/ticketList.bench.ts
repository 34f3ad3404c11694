import { afterAll, beforeAll, bench, describe } from 'vitest';
import { listTickets } from '../../main/tickets/ticketRepository.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { benchStore, type BenchStore } from './support/benchStore.ts';

/*
 * What a ticket list costs now that every personal field is sealed under its ticket's data key (nine AES-256-GCM
 * opens per ticket, one data key unwrapped per ticket) and each ticket carries its customer's eligibility verdict,
 * against the same rows read with one raw prepared statement on the same encrypted file (their sealed fields left
 * unopened). Issue 17 is where this gets faster; this is the figure it starts from.
 */
const CUSTOMERS = 50;
const TICKETS_PER_CUSTOMER = 100;
let opened: BenchStore;

beforeAll(async () => {
  const customers = Array.from({ length: CUSTOMERS }, (_, c) => ({
    name: `${['Växjö', 'Örebro', 'Luleå', 'Skövde'][c % 4]} kommun ${c}`,
    orgNumber: orgNumber('212000', c + 100),
    kind: 'municipality',
    contacts: [{ name: `Åsa Öberg ${c}`, email: `asa${c}@kommun.se`, adminTrainingDone: true }],
    agreements: [
      {
        reference: `AVT-${c}`,
        startsOn: '2020-01-01',
        rounding: { incrementMinutes: 15, scope: 'entry', minimumMinutes: 0 },
      },
    ],
    tickets: Array.from({ length: TICKETS_PER_CUSTOMER }, (_, t) => ({
      externalRef: `HD-${c}-${t}`,
      requesterName: `Elev Elevsson ${t}`,
      requesterEmail: `elev${t}@skola${c}.se`,
      subject: `Kan inte logga in i lärplattformen (klass ${t % 9}B)`,
      description: 'Inloggningen via AD FS ger fel efter lösenordsbytet. Gäller flera elever i klassen.',
      schoolAndClass: `Norrskolan ${t % 9}B`,
      receivedAt: new Date(Date.UTC(2026, 10, 1 + (t % 28), 8)).toISOString(),
    })),
  }));
  opened = await benchStore({ version: 3, customers });
});

afterAll(async () => {
  await opened.close();
});

describe(`list ${(CUSTOMERS * TICKETS_PER_CUSTOMER).toLocaleString('en')} tickets`, () => {
  bench('baseline: the ticket rows with one raw prepared statement, sealed fields unopened', () => {
    opened.raw
      .prepare(
        `SELECT t.*, c.name AS customer_name FROM tickets t JOIN customers c ON c.id = t.customer_id
         ORDER BY t.due_at IS NULL, t.due_at, t.received_at`,
      )
      .all();
  });
  bench('listTickets: sealed fields opened, verdict and named-contact check per ticket', async () => {
    await listTickets(opened.store.db);
  });
});
