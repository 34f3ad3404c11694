import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { CustomerSummary } from '../../common/registry/model.ts';
import { searchCustomers, type CustomerSearch } from '../../common/registry/search.ts';
import { createApi } from '../../main/api/createApi.node.ts';
import { FIRST_ROWS } from '../../renderer/components/useGrowingWindow.ts';
import { apiCaller } from '../support/apiCaller.ts';
import { openPassphraseBackend, type OpenedBackend } from '../support/passphraseBackend.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../support/postgres/testTeam.ts';
import { benchCustomers } from './support/benchCustomers.ts';
import { formatMs, Latencies, percentile } from './support/latencies.ts';

/*
 * A vendor's whole registry, 10,000 school customers with 50,000 servers, as a technician's Lotsen lists and searches
 * it through the service layer (the dispatcher's calls): on a team database (the run's PostgreSQL, the technician's own
 * login under the database's rules) against the embedded default (an encrypted SQLite file) as the baseline, both
 * filled by the same registry import in the same run.
 *
 * The UI asks `registry.listCustomers` for the whole list at once (it has no pages; renderer/services/registryService)
 * and searches the list it holds on every keystroke (common/registry/search.ts), each keystroke narrowing the last
 * search, and renders the first hundred matches: a search never reaches the store, so the team and embedded figures
 * differ only by noise, and are printed to show that.
 */
const CUSTOMERS = Number(process.env.LOTSEN_BENCH_TEAM_CUSTOMERS ?? 10_000);
const SERVERS_PER_CUSTOMER = 5;
const LIST_OPTIONS = { iterations: 10, warmupIterations: 1, time: 0, warmupTime: 0 };
const SEARCH_OPTIONS = { iterations: 10, warmupIterations: 1, time: 0, warmupTime: 0 };
/** What a person types, one keystroke at a time: a town with Swedish letters and a school's number, a host, a contact. */
const TYPED = ['Örebro skola 42', 'Luleå s', 'wap42', 'asa öberg 7'];
const KEYSTROKES = TYPED.flatMap((text) => Array.from(text, (_, i) => text.slice(0, i + 1)));

type Call = MemberLotsen['call'];
interface Side {
  call: Call;
  summaries: CustomerSummary[];
}

let embedded: OpenedBackend;
let team: TestTeamWithAdmin;
let technician: MemberLotsen;
const sides: Record<'embedded' | 'team', Side> = {} as Record<'embedded' | 'team', Side>;
const latencies = new Latencies();
/** tinybench's warm-up calls run the same function: the first `warmupIterations` calls of each are not counted. */
const calls = new Map<string, number>();

function record(name: string, warmups: number, ms: number) {
  const n = (calls.get(name) ?? 0) + 1;
  calls.set(name, n);
  if (n > warmups) latencies.add(name, ms);
}

beforeAll(async () => {
  const file = {
    format: 'lotsen-registry',
    version: 1,
    customers: benchCustomers(CUSTOMERS, SERVERS_PER_CUSTOMER),
  };

  embedded = await openPassphraseBackend();
  const embeddedCall = apiCaller(createApi(embedded.backend, () => undefined));
  let started = performance.now();
  await embeddedCall.ok('registry.import', { file });
  const embeddedImport = performance.now() - started;

  // Set-up goes through the service layer too: a support lead's Lotsen imports the same file in one transaction.
  team = await createTestTeamWithAdmin();
  const lead = await team.enrolLotsen(team.admin, {
    name: 'Lena Ledare',
    email: 'lena@leverantor.se',
    role: 'support_lead',
  });
  started = performance.now();
  try {
    await lead.call.ok('registry.import', { file });
  } finally {
    await lead.close();
  }
  const teamImport = performance.now() - started;
  technician = await team.enrolLotsen(team.admin, {
    name: 'Tor Tekniker',
    email: 'tor@leverantor.se',
    role: 'technician',
  });
  console.log(
    `Set-up: ${CUSTOMERS.toLocaleString('en')} customers with ${(CUSTOMERS * SERVERS_PER_CUSTOMER).toLocaleString('en')} servers imported through registry.import: embedded ${formatMs(embeddedImport)}, team ${formatMs(teamImport)}`,
  );

  sides.embedded = { call: embeddedCall, summaries: await embeddedCall.ok('registry.listCustomers', {}) };
  sides.team = { call: technician.call, summaries: await technician.call.ok('registry.listCustomers', {}) };
  for (const [name, side] of Object.entries(sides)) {
    if (side.summaries.length !== CUSTOMERS) {
      throw new Error(`${name} lists ${side.summaries.length} customers, not ${CUSTOMERS}`);
    }
  }
}, 600_000);

afterAll(async () => {
  const line = (what: string) => {
    const [base, teamMs] = (['embedded', 'team'] as const).map((side) => latencies.all([`${what} ${side}`]));
    const [b50, b95, t50, t95] = [
      percentile(base!, 50),
      percentile(base!, 95),
      percentile(teamMs!, 50),
      percentile(teamMs!, 95),
    ];
    console.log(
      `${what}: team p50 ${formatMs(t50)}, p95 ${formatMs(t95)}; embedded p50 ${formatMs(b50)}, p95 ${formatMs(b95)}; team / embedded at p95 ${(t95 / b95).toFixed(2)}x (p50 ${(t50 / b50).toFixed(2)}x)`,
    );
  };
  line('list');
  line('keystroke');
  await technician?.close();
  await team?.drop();
  await embedded?.cleanup();
});

describe(`list ${CUSTOMERS.toLocaleString('en')} customers (${(CUSTOMERS * SERVERS_PER_CUSTOMER).toLocaleString('en')} servers) as the UI asks: registry.listCustomers`, () => {
  for (const side of ['embedded', 'team'] as const) {
    bench(
      side === 'embedded'
        ? 'baseline: embedded default (encrypted SQLite)'
        : "team database (PostgreSQL, a technician's login)",
      async () => {
        const started = performance.now();
        const listed = await sides[side].call.ok('registry.listCustomers', {});
        record(`list ${side}`, LIST_OPTIONS.warmupIterations, performance.now() - started);
        if (listed.length !== CUSTOMERS) throw new Error(`${side} listed ${listed.length} customers`);
      },
      LIST_OPTIONS,
    );
  }
});

describe(`search ${CUSTOMERS.toLocaleString('en')} customers as a person types (${KEYSTROKES.length} keystrokes: ${TYPED.map((t) => `"${t}"`).join(', ')})`, () => {
  for (const side of ['embedded', 'team'] as const) {
    bench(
      side === 'embedded' ? 'baseline: the embedded list' : 'the team list',
      // Async like the UI's handler, and so tinybench calls it only when measuring (a sync function it calls once more
      // to find out whether it returns a promise).
      async () => {
        const { summaries } = sides[side];
        let previous: CustomerSearch | null = null;
        for (const query of KEYSTROKES) {
          const started = performance.now();
          // As the customer list does: the keystroke narrows the last search, and the first rows shown read what
          // they matched on.
          const matches = searchCustomers(summaries, query, previous);
          for (const match of matches.slice(0, FIRST_ROWS)) void match.matchedOn;
          previous = { customers: summaries, query, matches };
          record(
            `keystroke ${side}`,
            SEARCH_OPTIONS.warmupIterations * KEYSTROKES.length,
            performance.now() - started,
          );
        }
      },
      SEARCH_OPTIONS,
    );
  }
});
