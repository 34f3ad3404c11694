import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../common/api/contract.ts';
import type { SessionOpenInput } from '../../common/sessions/model.ts';
import { booksOf, type DrainReport } from '../../main/team/outbox/sessionBooks.ts';
import { startDatabaseOutage, type DatabaseOutage } from '../support/postgres/databaseOutage.ts';
import { asSuperuser } from '../support/postgres/testDatabases.ts';
import {
  createTestTeamWithAdmin,
  type MemberLotsen,
  type TestTeamWithAdmin,
} from '../support/postgres/testTeam.ts';
import { localOpenInput, prepareSessionCustomer } from '../support/sessionCustomer.ts';
import { until } from '../support/until.ts';
import { benchCustomers } from './support/benchCustomers.ts';
import { formatMs, Latencies, percentile } from './support/latencies.ts';
import { TypingSession } from './support/typingSession.ts';

/*
 * The team under load: 20 technicians, each a Lotsen of their own (enrolled as `lotsen init --team` does: their own
 * PostgreSQL login, their own Backend and connection pool), working through the service layer (the dispatcher's
 * calls, as the app and the CLI make them) against one PostgreSQL, all at once for LOTSEN_BENCH_TEAM_SECONDS (60).
 * A technician's round is what they do with a ticket from a teacher who is not a named contact: the ticket is logged
 * (tickets.save), a quarter of an hour of time is entered on it (time.addManual), and it is sent back to the
 * customer's contacts (tickets.sendBack), which writes a `ticket.sent_back` audit event in the ticket's transaction.
 * Time entries themselves write no audit event; the send-back is the audited act.
 *
 * Meanwhile each technician has a local terminal session open (a real pty) on a ticket of an eligible customer and
 * types a line a second into it, so its recording, time entry and audit events go to the team database as a
 * session's books do. In the middle of the load the team database is restarted: the members reach it through an
 * outage proxy (test/support/postgres/databaseOutage.ts), which refuses every connection for CUT_SECONDS. A call made
 * meanwhile fails with DATABASE_UNREACHABLE and the technician waits until their Lotsen finds the database back, as
 * the banner tells a person to; the sessions go on typing, their books queue on each member's machine
 * (docs/team-outbox.md) and drain when the database is back, under the load. The bench prints how many items queued,
 * how long the members took to find the database back, and how long the queues took to drain (DrainReport.ms).
 *
 * Baseline, in the same run on the same database: one of them alone for a few seconds, no session, no cut. Afterwards
 * a support lead checks the books through the service layer: `audit.verify` (what `lotsen audit verify` calls) must
 * find the chain intact with exactly the events the members were told were written, each ticket a member was told was
 * sent back has exactly one event, by that member, and each time entry a member was told was saved is there once. A
 * call that failed because the database was away may or may not have been done (its commit's answer can be what the
 * cut lost): its event or entry may be there, once, or not at all. Each session has its opening and its end once in
 * the log, one time entry, its recording's batches numbered without a gap, and every line typed in its recording
 * once, in order. A lost or duplicated event, entry, batch or line fails the bench; throughput, latency and drain
 * times are printed, never asserted.
 *
 * The 20 Lotsens share this one Node process (a real team has a machine each) and the machine's cores with
 * PostgreSQL, so the figures are a floor; the process's CPU time is printed beside them to show which side was busy.
 */
const MEMBERS = 20;
const SECONDS = Number(process.env.LOTSEN_BENCH_TEAM_SECONDS ?? 60);
const BASELINE_SECONDS = Math.min(10, SECONDS);
/** How long the team database is away, in the middle of the load. */
const CUT_SECONDS = 5;
const ONCE = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

interface Technician {
  lotsen: MemberLotsen;
  customerId: string;
  /** What the technician's terminal session opens: their own ticket of the eligible customer, a local shell. */
  sessionInput: SessionOpenInput;
}

/** What one member was told was written: the time entries saved and the tickets sent back. */
interface Told {
  entries: string[];
  sentBack: string[];
  /** Tickets whose time entry or send-back failed because the database was away: done once, or not at all. */
  maybeEntries: string[];
  maybeSentBack: string[];
}

/** The database's cut during a load, as it went. */
interface Cut {
  /** performance.now() when it was cut, and when restored. */
  at: number;
  restoredAt: number;
  /** Items in the members' local queues when the database came back. */
  queued: number;
  /** Each session's items queued then. */
  queuedPerSession: number[];
  /** From the restore until every member's Lotsen said the database was reachable again. */
  foundBackMs: number;
  /** From the restore until every member's queue was empty. */
  drainedMs: number;
  /** The drains that emptied a queue after the restore. */
  drains: DrainReport[];
}

interface LoadResult {
  members: number;
  seconds: number;
  /** Calls answered without an error. */
  calls: number;
  /** performance.now() of each call answered without an error. */
  answeredAt: number[];
  started: number;
  rounds: number[];
  /** Audit events and time entries the members were told were written in this run. */
  events: number;
  entries: number;
  latencies: Latencies;
  failures: Map<string, number>;
  cpuSeconds: number;
  /** Transactions the team database rolled back during the run: failed calls, and appends written again. */
  rolledBack: number;
  cut?: Cut;
}

let team: TestTeamWithAdmin;
let lead: MemberLotsen;
let outage: DatabaseOutage;
const technicians: Technician[] = [];
const sessions: TypingSession[] = [];
/** Everything every member was told, over both runs, for the books' check. */
const told = new Map<string, Told>();
const results: LoadResult[] = [];

beforeAll(async () => {
  const started = performance.now();
  [team, outage] = await Promise.all([createTestTeamWithAdmin(), startDatabaseOutage()]);
  // The lead reaches the server directly: they check the books, and are not cut off.
  lead = await team.enrolLotsen(team.admin, {
    name: 'Lena Ledare',
    email: 'lena@leverantor.se',
    role: 'support_lead',
  });
  await lead.call.ok('registry.import', {
    file: { format: 'lotsen-registry', version: 1, customers: benchCustomers(MEMBERS) },
  });
  const customers = await lead.call.ok('registry.listCustomers', {});
  // The customer the technicians' sessions are for: eligible (agreement, DPA, trained contacts). A local terminal
  // reaches no server, so its server and account are placeholders.
  const eligible = await prepareSessionCustomer(lead.call, {
    host: 'wap01.kalmar.se',
    port: 22,
    username: 'lotsen-support',
    secret: 'not used by a local terminal',
  });
  // A few at a time: each enrolment makes a key and logs in twice, and the server's CPU is shared.
  for (let first = 0; first < MEMBERS; first += 5) {
    technicians.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(5, MEMBERS - first) }, async (_, k) => {
          const n = first + k;
          const lotsen = await team.enrolLotsen(
            team.admin,
            {
              name: `Tekniker ${n} Åström`,
              email: `tekniker${n}@leverantor.se`,
              role: 'technician',
            },
            { port: outage.port, sessions: { shell: '/bin/sh' } },
          );
          // Their own ticket from the customer's named contact, for their session.
          const ticket = await lotsen.call.ok('tickets.save', {
            ticket: {
              customerId: eligible.customer.id,
              requesterName: 'Åsa Öberg',
              requesterEmail: 'asa.oberg@kalmar.se',
              subject: `WAP svarar inte för tekniker ${n}`,
              environmentId: eligible.environment.id,
              receivedAt: Date.now() - 60_000,
            },
          });
          return {
            lotsen,
            customerId: customers[n % customers.length]!.id,
            sessionInput: localOpenInput({ ...eligible, ticket }, { runPreConnect: false }),
          };
        }),
      )),
    );
  }
  console.log(
    `Set-up: a team database, a support lead and ${MEMBERS} technicians enrolled, each with their own login and Lotsen (the technicians' through an outage proxy), in ${formatMs(performance.now() - started)}`,
  );
}, 300_000);

afterAll(async () => {
  outage?.restore();
  await Promise.all(technicians.map((t) => t.lotsen.close()));
  await lead?.close();
  await outage?.close();
  await team?.drop();
});

/** The error code a failed call's message starts with (apiCaller: "method failed: CODE message"). */
const codeOf = (error: unknown) => /^\S+ failed: (\S+)/.exec((error as Error).message)?.[1] ?? 'UNKNOWN';

/** A call through the member's dispatcher, timed; a failure is counted by its code and told as such (its code). */
async function timedCall<M extends MethodName>(
  member: Technician,
  load: Pick<LoadResult, 'latencies' | 'failures' | 'answeredAt'>,
  method: M,
  input: MethodInput<M>,
): Promise<{ value: MethodOutput<M> } | { failed: string }> {
  try {
    const value = await load.latencies.time(method, () => member.lotsen.call.ok(method, input));
    load.answeredAt.push(performance.now());
    return { value };
  } catch (error) {
    const key = `${method}: ${(error as Error).message.replace(/^\S+ failed: /, '')}`;
    load.failures.set(key, (load.failures.get(key) ?? 0) + 1);
    return { failed: codeOf(error) };
  }
}

/**
 * After a call failed because the database was away: the technician waits, as the banner says, until their Lotsen
 * finds it back (its own probe, or a session's books written again), or the run is over.
 */
async function waitForTheDatabase(member: Technician, end: number): Promise<void> {
  await until(
    'the team database back',
    () => member.lotsen.backend.databaseReachable() || performance.now() >= end,
    { timeoutMs: 120_000, everyMs: 50 },
  );
}

/** One technician's rounds until `end`: a teacher's ticket logged, a quarter of an hour on it, sent back. */
async function work(
  member: Technician,
  end: number,
  load: Pick<LoadResult, 'latencies' | 'failures' | 'answeredAt'>,
): Promise<{ rounds: number; events: number; entries: number }> {
  const mine: Told = told.get(member.lotsen.member.userId) ?? {
    entries: [],
    sentBack: [],
    maybeEntries: [],
    maybeSentBack: [],
  };
  told.set(member.lotsen.member.userId, mine);
  let [rounds, events, entries] = [0, 0, 0];
  const away = (answer: object) => 'failed' in answer && answer.failed === 'DATABASE_UNREACHABLE';
  while (performance.now() < end) {
    const now = Date.now();
    const ticket = await timedCall(member, load, 'tickets.save', {
      ticket: {
        customerId: member.customerId,
        requesterName: 'Lärare Larsson',
        requesterEmail: `larsson${rounds}@skola.se`,
        subject: 'Kan inte logga in i lärplattformen',
        receivedAt: now - 30 * 60_000,
      },
    });
    if ('failed' in ticket) {
      if (away(ticket)) await waitForTheDatabase(member, end);
      continue;
    }
    const ticketId = ticket.value.id;
    const entry = await timedCall(member, load, 'time.addManual', {
      ticketId,
      startedAt: now - 20 * 60_000,
      endedAt: now - 5 * 60_000,
      note: 'Kontrollerade inloggningen via AD FS',
    });
    if ('value' in entry) {
      mine.entries.push(entry.value.id);
      entries += 1;
    } else if (away(entry)) {
      mine.maybeEntries.push(ticketId);
      await waitForTheDatabase(member, end);
    }
    const sent = await timedCall(member, load, 'tickets.sendBack', { id: ticketId });
    if ('value' in sent) {
      mine.sentBack.push(ticketId);
      events += 1;
    } else if (away(sent)) {
      mine.maybeSentBack.push(ticketId);
      await waitForTheDatabase(member, end);
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The team database restarted in the middle of the load: cut for CUT_SECONDS, then back; the members' queues
 * watched until they are empty again, while the load goes on.
 */
async function cutInTheMiddle(seconds: number): Promise<Cut> {
  const drains: DrainReport[] = [];
  const stopWatching = technicians.map((t) =>
    booksOf(t.lotsen.backend).onDrained((report) => drains.push(report)),
  );
  await sleep(Math.max(0, (seconds - CUT_SECONDS) / 2) * 1_000);
  const at = performance.now();
  outage.cut('refuse');
  await sleep(CUT_SECONDS * 1_000);
  const queuedPerSession = sessions.map((s) => s.waiting());
  const queued = technicians.reduce((n, t) => n + booksOf(t.lotsen.backend).waiting(), 0);
  drains.length = 0;
  const restoredAt = performance.now();
  outage.restore();
  const foundBack = until(
    'every member finds the database back',
    () => technicians.every((t) => t.lotsen.backend.databaseReachable()),
    { timeoutMs: 120_000, everyMs: 50 },
  ).then(() => performance.now() - restoredAt);
  const drained = until(
    'every member’s queue drained',
    () => technicians.every((t) => booksOf(t.lotsen.backend).waiting() === 0),
    { timeoutMs: 120_000, everyMs: 50 },
  ).then(() => performance.now() - restoredAt);
  const [foundBackMs, drainedMs] = await Promise.all([foundBack, drained]);
  for (const stop of stopWatching) stop();
  return { at, restoredAt, queued, queuedPerSession, foundBackMs, drainedMs, drains: [...drains] };
}

async function load(
  members: Technician[],
  seconds: number,
  options: { cut?: boolean } = {},
): Promise<LoadResult> {
  const rolledBackBefore = await rolledBackSoFar();
  const counters = {
    latencies: new Latencies(),
    failures: new Map<string, number>(),
    answeredAt: [] as number[],
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1_000;
  const [done, cut] = await Promise.all([
    Promise.all(members.map((m) => work(m, end, counters))),
    options.cut ? cutInTheMiddle(seconds) : Promise.resolve(undefined),
    ...(options.cut ? sessions.map((s) => s.typeUntil(end)) : []),
  ]);
  const elapsed = (performance.now() - started) / 1_000;
  const used = process.cpuUsage(cpu);
  const result: LoadResult = {
    members: members.length,
    seconds: elapsed,
    calls: counters.answeredAt.length,
    answeredAt: counters.answeredAt,
    started,
    rounds: done.map((d) => d.rounds),
    events: done.reduce((n, d) => n + d.events, 0),
    entries: done.reduce((n, d) => n + d.entries, 0),
    latencies: counters.latencies,
    failures: counters.failures,
    cpuSeconds: (used.user + used.system) / 1e6,
    rolledBack: (await rolledBackSoFar()) - rolledBackBefore,
    ...(cut ? { cut } : {}),
  };
  results.push(result);
  return result;
}

/** Calls answered per second between two moments of the run (performance.now()). */
function rateBetween(result: LoadResult, from: number, to: number): number {
  return result.answeredAt.filter((t) => t >= from && t < to).length / ((to - from) / 1_000);
}

function report(result: LoadResult, baseline?: LoadResult): void {
  const rate = result.calls / result.seconds;
  const lines = [
    `${result.members} member${result.members === 1 ? '' : 's'} for ${result.seconds.toFixed(1)} s: ${result.calls.toLocaleString('en')} calls answered, ${rate.toFixed(0)} calls/s in total, ${(rate / result.members).toFixed(1)} per member (rounds per member ${Math.min(...result.rounds)}-${Math.max(...result.rounds)}); ${result.events.toLocaleString('en')} audit events and ${result.entries.toLocaleString('en')} time entries written`,
    `  latency of every call: ${result.latencies.describe()}`,
    ...result.latencies.names().map((name) => `  ${name}: ${result.latencies.describe([name])}`),
    `  this process's CPU: ${result.cpuSeconds.toFixed(1)} s in ${result.seconds.toFixed(1)} s (${((100 * result.cpuSeconds) / result.seconds).toFixed(0)}% of one core)`,
    `  transactions rolled back: ${result.rolledBack} (with no failed call, each an audit append rolled back with its act and written again because another member had moved the head)`,
    `  failed calls: ${result.failures.size === 0 ? 'none' : [...result.failures].map(([what, n]) => `${n} x ${what}`).join('; ')}`,
  ];
  const { cut } = result;
  if (cut) {
    const end = result.started + result.seconds * 1_000;
    const drainMs = cut.drains.map((d) => d.ms);
    lines.push(
      `  the database cut for ${((cut.restoredAt - cut.at) / 1_000).toFixed(1)} s from ${((cut.at - result.started) / 1_000).toFixed(1)} s in: ${cut.queued} items queued by ${cut.queuedPerSession.filter((n) => n > 0).length} of ${cut.queuedPerSession.length} sessions (${Math.min(...cut.queuedPerSession)}-${Math.max(...cut.queuedPerSession)} each)`,
      `  after the restore: every member found the database back in ${formatMs(cut.foundBackMs)}, every queue empty in ${formatMs(cut.drainedMs)}; ${cut.drains.length} drains wrote ${cut.drains.reduce((n, d) => n + d.written, 0)} items, each drain (DrainReport.ms) ${drainMs.length === 0 ? 'none' : `p50 ${formatMs(percentile(drainMs, 50))}, max ${formatMs(Math.max(...drainMs))}`}`,
      `  calls/s before the cut ${rateBetween(result, result.started, cut.at).toFixed(0)}, during it ${rateBetween(result, cut.at, cut.restoredAt).toFixed(0)}, in the 10 s after ${rateBetween(result, cut.restoredAt, Math.min(end, cut.restoredAt + 10_000)).toFixed(0)}, from then to the end ${cut.restoredAt + 10_000 < end ? rateBetween(result, cut.restoredAt + 10_000, end).toFixed(0) : '-'}`,
    );
  }
  if (baseline) {
    const ratio = result.calls / result.seconds / (baseline.calls / baseline.seconds);
    const p95 = (r: LoadResult) => percentile(r.latencies.all(), 95);
    lines.push(
      `  ${result.members} members' throughput / one member's: ${ratio.toFixed(2)}x; p95 latency ${(p95(result) / p95(baseline)).toFixed(2)}x one member's`,
    );
  }
  console.log(lines.join('\n'));
}

/** Every page of an audit.list query, as the support lead reads it. */
async function allEvents(
  filter: Omit<MethodInput<'audit.list'>, 'limit' | 'beforeSeq'>,
): Promise<MethodOutput<'audit.list'>> {
  const events: MethodOutput<'audit.list'> = [];
  for (let beforeSeq: number | undefined; ;) {
    const page = await lead.call.ok('audit.list', {
      ...filter,
      limit: 5_000,
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
    });
    events.push(...page);
    if (page.length < 5_000) break;
    beforeSeq = page[page.length - 1]!.seq;
  }
  return events;
}

/** Each recording's stored batches: how many, and the highest number (batches are numbered from 0, each once). */
async function recordingBatches(): Promise<Map<string, { count: number; top: number }>> {
  return asSuperuser(team.database.name, async (client) => {
    const { rows } = await client.query<{ recording_id: string; n: string; top: number }>(
      'SELECT recording_id, count(*) AS n, max(seq) AS top FROM lotsen.recording_chunks GROUP BY recording_id',
    );
    return new Map(rows.map((row) => [row.recording_id, { count: Number(row.n), top: Number(row.top) }]));
  });
}

/**
 * The books after the runs, read through a support lead's service layer: the chain intact with every told event and
 * no other, each sent-back ticket's event once and by its member, each told time entry once; each session's opening
 * and end once, its one time entry, its recording's batches without a gap and its lines once, in order.
 */
async function checkBooks(eventsBefore: number): Promise<void> {
  const verdict = await lead.call.ok('audit.verify', {});
  const events = await allEvents({ event: 'ticket.sent_back' });
  const eventsOf = new Map<string, { actorId: string }[]>();
  for (const event of events) {
    eventsOf.set(event.subjectId ?? '', [...(eventsOf.get(event.subjectId ?? '') ?? []), event]);
  }

  const entries = new Map<
    string,
    { count: number; ticketId: string; sessionId: string | null; endedAt: number | null }
  >();
  for (let after: { startedAt: number; id: string } | undefined; ;) {
    const page = await lead.call.ok('time.list', { limit: 2_000, ...(after ? { after } : {}) });
    for (const entry of page) {
      const seen = entries.get(entry.id);
      entries.set(entry.id, {
        count: (seen?.count ?? 0) + 1,
        ticketId: entry.ticketId,
        sessionId: entry.sessionId,
        endedAt: entry.endedAt,
      });
    }
    if (page.length < 2_000) break;
    after = { startedAt: page[page.length - 1]!.startedAt, id: page[page.length - 1]!.id };
  }

  const problems: string[] = [];
  let [toldEntries, toldEvents, maybeSentBackDone, maybeEntriesDone, maybeCalls] = [0, 0, 0, 0, 0];
  for (const [memberId, mine] of told) {
    for (const ticketId of mine.sentBack) {
      const found = eventsOf.get(ticketId) ?? [];
      if (found.length !== 1) problems.push(`ticket ${ticketId}: ${found.length} sent-back events, not 1`);
      else if (found[0]!.actorId !== memberId)
        problems.push(`ticket ${ticketId}: its event names another member`);
      eventsOf.delete(ticketId);
    }
    // A send-back the cut answered with DATABASE_UNREACHABLE: done once or not at all.
    for (const ticketId of mine.maybeSentBack) {
      const found = eventsOf.get(ticketId) ?? [];
      if (found.length > 1) problems.push(`ticket ${ticketId}: ${found.length} sent-back events, not 0 or 1`);
      else if (found.length === 1 && found[0]!.actorId !== memberId)
        problems.push(`ticket ${ticketId}: its event names another member`);
      maybeSentBackDone += found.length;
      eventsOf.delete(ticketId);
    }
    for (const id of mine.entries) {
      if (entries.get(id)?.count !== 1)
        problems.push(`time entry ${id}: found ${entries.get(id)?.count ?? 0} times, not once`);
      entries.delete(id);
    }
    // A time entry the cut answered with DATABASE_UNREACHABLE: its id was never told, so it is found by its ticket.
    for (const ticketId of mine.maybeEntries) {
      const found = [...entries].filter(([, e]) => e.ticketId === ticketId && e.sessionId === null);
      if (found.length > 1) problems.push(`ticket ${ticketId}: ${found.length} time entries, not 0 or 1`);
      maybeEntriesDone += found.length;
      for (const [id] of found) entries.delete(id);
    }
    toldEntries += mine.entries.length;
    toldEvents += mine.sentBack.length;
    maybeCalls += mine.maybeEntries.length + mine.maybeSentBack.length;
  }
  for (const [ticketId, found] of eventsOf) {
    problems.push(`ticket ${ticketId}: ${found.length} sent-back events nobody was told of`);
  }

  // The sessions' books: their own events, their ticket's first response (the session is one), time entry and
  // recording.
  const sessionEvents = await allEvents({ subjectType: 'session' });
  const firstResponses = await allEvents({ event: 'ticket.first_response_recorded' });
  const batches = await recordingBatches();
  let [sessionEventCount, batchCount] = [0, 0];
  for (const session of sessions) {
    const mine = sessionEvents
      .filter((e) => e.subjectId === session.id)
      .map((e) => e.event)
      .sort();
    if (mine.join() !== 'session.closed,session.opened')
      problems.push(
        `session ${session.id}: events ${mine.join(', ') || 'none'}, not its opening and end once each`,
      );
    sessionEventCount += mine.length;
    const responses = firstResponses.filter((e) => e.subjectId === session.view.ticketId).length;
    if (responses !== 1)
      problems.push(
        `session ${session.id}: its ticket's first response recorded ${responses} times, not once`,
      );
    sessionEventCount += responses;
    const own = [...entries].filter(([, e]) => e.sessionId === session.id);
    if (own.length !== 1 || own[0]![1].count !== 1 || own[0]![1].endedAt === null)
      problems.push(`session ${session.id}: ${own.length} time entries, not one, ended`);
    for (const [id] of own) entries.delete(id);
    const stored = batches.get(session.view.recordingId!);
    if (!stored || stored.count !== stored.top + 1)
      problems.push(
        `session ${session.id}: ${stored?.count ?? 0} recording batches numbered up to ${stored?.top ?? '-'}`,
      );
    batchCount += stored?.count ?? 0;
    problems.push(...(await session.checkRecording()));
  }

  for (const id of entries.keys()) problems.push(`time entry ${id}: saved though nobody was told so`);
  if (!verdict.intact) problems.push(`audit verify: ${verdict.reason}`);
  const expectedEvents = toldEvents + sessionEventCount;
  if (verdict.events !== eventsBefore + expectedEvents + maybeSentBackDone) {
    // Which kinds of event the log holds, to find the ones nobody was told of.
    const kinds = new Map<string, number>();
    for (const { event } of await allEvents({})) kinds.set(event, (kinds.get(event) ?? 0) + 1);
    problems.push(
      `audit verify counts ${verdict.events} events, not ${eventsBefore} + ${expectedEvents} + ${maybeSentBackDone}; the log holds ${[...kinds].map(([event, n]) => `${n} x ${event}`).join(', ')}`,
    );
  }

  console.log(
    `Books after both runs (a support lead's audit.verify, audit.list and time.list): chain ${verdict.intact ? 'intact' : 'BROKEN'}, ${verdict.events.toLocaleString('en')} events (${eventsBefore} before the runs + ${toldEvents.toLocaleString('en')} send-backs the members were told of + ${sessionEventCount} of the ${sessions.length} sessions and their tickets' first responses + ${maybeSentBackDone} send-backs the cut left in doubt); time entries ${toldEntries.toLocaleString('en')} told, and ${maybeEntriesDone} the cut left in doubt; of the ${maybeCalls} calls in doubt, ${maybeSentBackDone + maybeEntriesDone} were done; ${batchCount.toLocaleString('en')} recording batches and ${sessions.reduce((n, s) => n + s.lines, 0).toLocaleString('en')} lines typed; ${problems.length === 0 ? 'none lost, none duplicated' : `${problems.length} problems:\n  ${problems.slice(0, 20).join('\n  ')}`}`,
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
    `${MEMBERS} technicians at once for ${SECONDS} s, each typing in a terminal session, the database restarted for ${CUT_SECONDS} s in the middle; then audit verify`,
    async () => {
      sessions.push(
        ...(await Promise.all(technicians.map((t) => TypingSession.open(t.lotsen, t.sessionInput)))),
      );
      report(await load(technicians, SECONDS, { cut: true }), results[0]);
      for (const session of sessions) await session.close();
      await checkBooks(eventsBefore);
    },
    ONCE,
  );
});
