import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../common/api/contract.ts';
import { asSuperuser } from '../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../support/postgres/testTeam.ts';
import { benchCustomers } from './support/benchCustomers.ts';
import { formatMs, Latencies, percentile } from './support/latencies.ts';

/*
 * The team under load: 20 technicians, each a Lotsen of their own (enrolled as `lotsen init --team` does: their own
 * PostgreSQL login, their own Backend and connection pool), working through the service layer (the dispatcher's
 * calls, as the app and the CLI make them) against one PostgreSQL, all at once for LOTSEN_BENCH_TEAM_SECONDS (60).
 * A technician's round is what they do with a ticket from a teacher who is not a named contact: the ticket is logged
 * (tickets.save), a quarter of an hour of time is entered on it (time.addManual), and it is sent back to the
 * customer's contacts (tickets.sendBack), which writes a `ticket.sent_back` audit event in the ticket's transaction.
 * Time entries themselves write no audit event; the send-back is the audited act.
 *
 * Baseline, in the same run on the same database: one of them alone for a few seconds. Afterwards a support lead
 * checks the books through the service layer: `audit.verify` (what `lotsen audit verify` calls) must find the chain
 * intact with exactly the events the members were told were written, each ticket a member was told was sent back has
 * exactly one event, by that member, and each time entry a member was told was saved is there once. A lost or
 * duplicated event or entry fails the bench; throughput and latency are printed, never asserted.
 *
 * The 20 Lotsens share this one Node process (a real team has a machine each) and the machine's cores with
 * PostgreSQL, so the figures are a floor; the process's CPU time is printed beside them to show which side was busy.
 */
const MEMBERS = 20;
const SECONDS = Number(process.env.LOTSEN_BENCH_TEAM_SECONDS ?? 60);
const BASELINE_SECONDS = Math.min(10, SECONDS);
const ONCE = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

interface Technician {
  lotsen: MemberLotsen;
  customerId: string;
}

/** What one member was told was written: the time entries saved and the tickets sent back. */
interface Told {
  entries: string[];
  sentBack: string[];
}

interface LoadResult {
  members: number;
  seconds: number;
  calls: number;
  rounds: number[];
  /** Audit events and time entries the members were told were written in this run. */
  events: number;
  entries: number;
  latencies: Latencies;
  failures: Map<string, number>;
  cpuSeconds: number;
  /** Transactions the team database rolled back during the run: failed calls, and appends written again. */
  rolledBack: number;
}

let team: TestTeamWithAdmin;
let lead: MemberLotsen;
const technicians: Technician[] = [];
/** Everything every member was told, over both runs, for the books' check. */
const told = new Map<string, Told>();
const results: LoadResult[] = [];

beforeAll(async () => {
  const started = performance.now();
  team = await createTestTeamWithAdmin();
  lead = await team.enrolLotsen(team.admin, {
    name: 'Lena Ledare',
    email: 'lena@leverantor.se',
    role: 'support_lead',
  });
  await lead.call.ok('registry.import', {
    file: { format: 'lotsen-registry', version: 1, customers: benchCustomers(MEMBERS) },
  });
  const customers = await lead.call.ok('registry.listCustomers', {});
  // A few at a time: each enrolment makes a key and logs in twice, and the server's CPU is shared.
  for (let first = 0; first < MEMBERS; first += 5) {
    technicians.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(5, MEMBERS - first) }, async (_, k) => {
          const n = first + k;
          const lotsen = await team.enrolLotsen(team.admin, {
            name: `Tekniker ${n} Åström`,
            email: `tekniker${n}@leverantor.se`,
            role: 'technician',
          });
          return { lotsen, customerId: customers[n % customers.length]!.id };
        }),
      )),
    );
  }
  console.log(
    `Set-up: a team database, a support lead and ${MEMBERS} technicians enrolled, each with their own login and Lotsen, in ${formatMs(performance.now() - started)}`,
  );
}, 300_000);

afterAll(async () => {
  await Promise.all(technicians.map((t) => t.lotsen.close()));
  await lead?.close();
  await team?.drop();
});

/** A call through the member's dispatcher, timed; a failure is counted by its code and told as such (undefined). */
async function timedCall<M extends MethodName>(
  member: Technician,
  latencies: Latencies,
  failures: Map<string, number>,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M> | undefined> {
  try {
    return await latencies.time(method, () => member.lotsen.call.ok(method, input));
  } catch (error) {
    const key = `${method}: ${(error as Error).message.replace(/^\S+ failed: /, '')}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
    return undefined;
  }
}

/** One technician's rounds until `until`: a teacher's ticket logged, a quarter of an hour on it, sent back. */
async function work(
  member: Technician,
  until: number,
  latencies: Latencies,
  failures: Map<string, number>,
): Promise<{ rounds: number; events: number; entries: number }> {
  const mine: Told = told.get(member.lotsen.member.userId) ?? { entries: [], sentBack: [] };
  told.set(member.lotsen.member.userId, mine);
  let [rounds, events, entries] = [0, 0, 0];
  while (performance.now() < until) {
    const now = Date.now();
    const ticket = await timedCall(member, latencies, failures, 'tickets.save', {
      ticket: {
        customerId: member.customerId,
        requesterName: 'Lärare Larsson',
        requesterEmail: `larsson${rounds}@skola.se`,
        subject: 'Kan inte logga in i lärplattformen',
        receivedAt: now - 30 * 60_000,
      },
    });
    if (!ticket) continue;
    const entry = await timedCall(member, latencies, failures, 'time.addManual', {
      ticketId: ticket.id,
      startedAt: now - 20 * 60_000,
      endedAt: now - 5 * 60_000,
      note: 'Kontrollerade inloggningen via AD FS',
    });
    if (entry) {
      mine.entries.push(entry.id);
      entries += 1;
    }
    const sent = await timedCall(member, latencies, failures, 'tickets.sendBack', { id: ticket.id });
    if (sent) {
      mine.sentBack.push(ticket.id);
      events += 1;
    }
    rounds += 1;
  }
  return { rounds, events, entries };
}

/**
 * The team database's count of rolled-back transactions (PostgreSQL's statistics, read as the run's superuser). An
 * audit append whose head another member moved meanwhile is rolled back, its act included, and written again
 * (AuditTrail): with no failed calls, the count is those retries.
 */
async function rolledBackSoFar(): Promise<number> {
  // Backends report their counts to the statistics at most once a second.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return asSuperuser(team.database.name, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      'SELECT xact_rollback AS count FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0]!.count);
  });
}

async function load(members: Technician[], seconds: number): Promise<LoadResult> {
  const rolledBackBefore = await rolledBackSoFar();
  const latencies = new Latencies();
  const failures = new Map<string, number>();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1_000;
  const done = await Promise.all(members.map((m) => work(m, until, latencies, failures)));
  const elapsed = (performance.now() - started) / 1_000;
  const used = process.cpuUsage(cpu);
  const result = {
    members: members.length,
    seconds: elapsed,
    calls: latencies.all().length,
    rounds: done.map((d) => d.rounds),
    events: done.reduce((n, d) => n + d.events, 0),
    entries: done.reduce((n, d) => n + d.entries, 0),
    latencies,
    failures,
    cpuSeconds: (used.user + used.system) / 1e6,
    rolledBack: (await rolledBackSoFar()) - rolledBackBefore,
  };
  results.push(result);
  return result;
}

function report(result: LoadResult, baseline?: LoadResult): void {
  const rate = result.calls / result.seconds;
  const lines = [
    `${result.members} member${result.members === 1 ? '' : 's'} for ${result.seconds.toFixed(1)} s: ${result.calls.toLocaleString('en')} calls, ${rate.toFixed(0)} calls/s in total, ${(rate / result.members).toFixed(1)} per member (rounds per member ${Math.min(...result.rounds)}-${Math.max(...result.rounds)}); ${result.events.toLocaleString('en')} audit events and ${result.entries.toLocaleString('en')} time entries written`,
    `  latency of every call: ${result.latencies.describe()}`,
    ...result.latencies.names().map((name) => `  ${name}: ${result.latencies.describe([name])}`),
    `  this process's CPU: ${result.cpuSeconds.toFixed(1)} s in ${result.seconds.toFixed(1)} s (${((100 * result.cpuSeconds) / result.seconds).toFixed(0)}% of one core)`,
    `  transactions rolled back: ${result.rolledBack} (with no failed call, each an audit append rolled back with its act and written again because another member had moved the head)`,
    `  failed calls: ${result.failures.size === 0 ? 'none' : [...result.failures].map(([what, n]) => `${n} x ${what}`).join('; ')}`,
  ];
  if (baseline) {
    const ratio = result.calls / result.seconds / (baseline.calls / baseline.seconds);
    const p95 = (r: LoadResult) => percentile(r.latencies.all(), 95);
    lines.push(
      `  ${result.members} members' throughput / one member's: ${ratio.toFixed(2)}x; p95 latency ${(p95(result) / p95(baseline)).toFixed(2)}x one member's`,
    );
  }
  console.log(lines.join('\n'));
}

/**
 * The books after the runs, read through a support lead's service layer: the chain intact with every told event and
 * no other, each sent-back ticket's event once and by its member, each told time entry once.
 */
async function checkBooks(eventsBefore: number): Promise<void> {
  const expectedEvents = [...told.values()].reduce((n, t) => n + t.sentBack.length, 0);
  const verdict = await lead.call.ok('audit.verify', {});

  const events: { subjectId: string | null; actorId: string }[] = [];
  for (let beforeSeq: number | undefined; ;) {
    const page = await lead.call.ok('audit.list', {
      event: 'ticket.sent_back',
      limit: 5_000,
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
    });
    events.push(...page);
    if (page.length < 5_000) break;
    beforeSeq = page[page.length - 1]!.seq;
  }
  const eventsOf = new Map<string, { actorId: string }[]>();
  for (const event of events) {
    eventsOf.set(event.subjectId ?? '', [...(eventsOf.get(event.subjectId ?? '') ?? []), event]);
  }

  const entryIds = new Map<string, number>();
  for (let after: { startedAt: number; id: string } | undefined; ;) {
    const page = await lead.call.ok('time.list', { limit: 2_000, ...(after ? { after } : {}) });
    for (const entry of page) entryIds.set(entry.id, (entryIds.get(entry.id) ?? 0) + 1);
    if (page.length < 2_000) break;
    after = { startedAt: page[page.length - 1]!.startedAt, id: page[page.length - 1]!.id };
  }

  const problems: string[] = [];
  let toldEntries = 0;
  for (const [memberId, mine] of told) {
    for (const ticketId of mine.sentBack) {
      const found = eventsOf.get(ticketId) ?? [];
      if (found.length !== 1) problems.push(`ticket ${ticketId}: ${found.length} sent-back events, not 1`);
      else if (found[0]!.actorId !== memberId)
        problems.push(`ticket ${ticketId}: its event names another member`);
      eventsOf.delete(ticketId);
    }
    for (const id of mine.entries) {
      if (entryIds.get(id) !== 1)
        problems.push(`time entry ${id}: found ${entryIds.get(id) ?? 0} times, not once`);
      entryIds.delete(id);
    }
    toldEntries += mine.entries.length;
  }
  for (const [ticketId, found] of eventsOf) {
    problems.push(`ticket ${ticketId}: ${found.length} sent-back events nobody was told of`);
  }
  for (const id of entryIds.keys()) problems.push(`time entry ${id}: saved though nobody was told so`);
  if (!verdict.intact) problems.push(`audit verify: ${verdict.reason}`);
  if (verdict.events !== eventsBefore + expectedEvents) {
    problems.push(`audit verify counts ${verdict.events} events, not ${eventsBefore} + ${expectedEvents}`);
  }

  console.log(
    `Books after both runs (a support lead's audit.verify, audit.list and time.list): chain ${verdict.intact ? 'intact' : 'BROKEN'}, ${verdict.events.toLocaleString('en')} events (${eventsBefore} before the runs + ${expectedEvents.toLocaleString('en')} the members were told of); sent-back events ${events.length.toLocaleString('en')}, time entries ${toldEntries.toLocaleString('en')} told; ${problems.length === 0 ? 'none lost, none duplicated' : `${problems.length} problems:\n  ${problems.slice(0, 20).join('\n  ')}`}`,
  );
  if (problems.length > 0)
    throw new Error(`The team's books are not as the members were told: ${problems[0]}`);
}

let eventsBefore = 0;

describe(`${MEMBERS} technicians, each their own login and Lotsen, writing time entries and audited send-backs through the service layer for ${SECONDS} s`, () => {
  bench(
    `baseline: one technician alone for ${BASELINE_SECONDS} s`,
    async () => {
      eventsBefore = (await lead.call.ok('audit.verify', {})).events;
      report(await load(technicians.slice(0, 1), BASELINE_SECONDS));
    },
    ONCE,
  );
  bench(
    `${MEMBERS} technicians at once for ${SECONDS} s, then audit verify`,
    async () => {
      report(await load(technicians, SECONDS), results[0]);
      await checkBooks(eventsBefore);
    },
    ONCE,
  );
});
