import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { exportMonth } from '../../main/billing/billingExport.ts';
import { approveMonth } from '../../main/billing/monthApproval.ts';
import type { RegistryContext } from '../../main/registry/registryContext.ts';
import { importRegistry } from '../../main/registry/registryImport.ts';
import { createStore, openEncryptedConnection, type Store } from '../../main/store/database.node.ts';
import { swedishOfficeCalendar } from '../../main/tickets/officeCalendar.ts';
import { createLocalUser } from '../../main/users/localUser.ts';
import { insertBulkTime, sealBulkNotes } from '../support/bulkTime.ts';
import { orgNumber } from '../support/orgNumbers.ts';
import { makeTempDataDir } from '../support/tempDataDir.ts';
import { localPrincipal } from '../../common/team/principal.ts';
import { CpuProfile } from './support/cpuProfile.ts';

/*
 * The finance export at 1,000,000 billing lines (and at 100,000, to show memory stays flat), on a real encrypted
 * store, each figure beside a baseline measured in the same run: the same stored lines read with a raw prepared
 * statement and written as naively joined strings with plain fs writes (no quoting, no formula guard, no XLSX).
 * Memory: every 25 pages (50,000 lines) a garbage collection is forced and the live V8 heap and Buffer memory read,
 * so the figures are what the export holds, not garbage not collected yet (about 20 collections in a 1,000,000-line
 * run, a few hundred milliseconds of its time). Peak RSS is sampled too; it includes that garbage. Runs once each: a single export is what finance waits for.
 * LOTSEN_BENCH_CPU_PROFILE=<file.cpuprofile> profiles the Lotsen CSV exports (not the baseline) and prints where
 * their time went.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// LOTSEN_BENCH_BILLING_LINES shortens the large month (1,000,000 lines unless told) on a busy machine.
const LARGE = Number(process.env.LOTSEN_BENCH_BILLING_LINES ?? 1_000_000);
const SMALL = 100_000;
const once1 = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };
const at = (iso: string) => Date.parse(iso);

let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
let store: Store;
let raw: Database.Database;
let ctx: RegistryContext;
const batchOf: Record<string, string> = {};
const figures = new Map<string, { ms: number; rssMb: number; heapMb: number; externalMb: number }>();
const GC_EVERY_PAGES = 25;
const setup: string[] = [];
const profileFile = process.env.LOTSEN_BENCH_CPU_PROFILE;
const profiles: string[] = [];
/** Runs `work` under a CPU profile of its own (`<file>.<name>`) when LOTSEN_BENCH_CPU_PROFILE asks for one. */
async function profiled(name: string, work: () => Promise<unknown>): Promise<void> {
  if (!profileFile) {
    await work();
    return;
  }
  const profile = new CpuProfile(`${profileFile}.${name}`);
  await profile.start();
  try {
    await work();
  } finally {
    profiles.push(`${name}: ${await profile.stop(16)}`);
  }
}

/**
 * Runs `work`, which calls `sample()` once a page: every GC_EVERY_PAGES pages the live heap is read after a forced
 * collection. Reports the peak live heap above the heap before the run, and the peak RSS above the RSS before it.
 */
async function measured(name: string, work: (sample: () => void) => Promise<unknown>): Promise<void> {
  collectGarbage();
  const base = process.memoryUsage();
  let rss = base.rss;
  let live = base.heapUsed;
  let external = base.external;
  let pages = 0;
  const watch = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
  };
  const sample = () => {
    if (++pages % GC_EVERY_PAGES !== 0) return;
    watch();
    collectGarbage();
    const after = process.memoryUsage();
    live = Math.max(live, after.heapUsed);
    external = Math.max(external, after.external);
  };
  const timer = setInterval(watch, 25);
  const started = performance.now();
  try {
    await work(sample);
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - started;
  figures.set(name, {
    ms,
    rssMb: (rss - base.rss) / 1e6,
    heapMb: (live - base.heapUsed) / 1e6,
    externalMb: (external - base.external) / 1e6,
  });
}

beforeAll(async () => {
  temp = await makeTempDataDir('lotsen-bench-billing-');
  const file = join(temp.dir, 'bench.db');
  const key = randomBytes(32);
  store = await createStore(file, key);
  const user = await createLocalUser(
    store.db,
    { name: 'Fia Finans', email: 'fia@leverantor.se', role: 'finance' },
    0,
  );
  ctx = {
    db: store.db,
    actorId: user.id,
    principal: localPrincipal(user.id),
    now: () => at('2026-12-02T09:00:00+01:00'),
  };
  const customer = (name: string, serial: number) => ({
    name,
    orgNumber: orgNumber('212000', serial),
    kind: 'municipality' as const,
    agreements: [
      {
        reference: `AVT-${serial}`,
        startsOn: '2026-01-01',
        hourlyRatesOre: {
          configuration_change: 120_000,
          customer_environment_change: 110_000,
          project: 95_000,
        },
        rounding: { incrementMinutes: 15, scope: 'entry' as const, minimumMinutes: 0 },
      },
    ],
    tickets: ['HD-1', 'HD-2', 'HD-3'].map((ref) => ({
      externalRef: `${ref}-${serial}`,
      requesterName: 'Åsa Öberg',
      requesterEmail: 'asa@kommun.se',
      subject: 'Inloggningen via AD FS fungerar inte för elever på Högskolan',
      receivedAt: '2026-09-01T08:00:00+02:00',
    })),
  });
  await importRegistry(ctx, swedishOfficeCalendar(), {
    format: 'lotsen-registry',
    version: 2,
    customers: [customer('Växjö kommun', 70), customer('Örebro kommun', 71)],
  });
  const tickets = await store.db
    .selectFrom('tickets')
    .innerJoin('customers', 'customers.id', 'tickets.customer_id')
    .select(['tickets.id', 'customers.name', 'customers.id as customerId'])
    .execute();
  const ticketsOf = (name: string) => tickets.filter((t) => t.name === name).map((t) => t.id);
  const notes = await sealBulkNotes(
    store.db,
    tickets.map((ticket) => ticket.id),
  );
  raw = openEncryptedConnection(file, key);
  let t = performance.now();
  // Växjö: 100,000 lines in October; Örebro: 1,000,000 in November (one prepared statement, one transaction each).
  insertBulkTime(raw, {
    count: SMALL,
    ticketIds: ticketsOf('Växjö kommun'),
    notes,
    technicianId: user.id,
    from: at('2026-10-01T00:00:00+02:00'),
    spacingMs: Math.floor((31 * 86_400_000) / SMALL),
  });
  insertBulkTime(raw, {
    count: LARGE,
    ticketIds: ticketsOf('Örebro kommun'),
    notes,
    technicianId: user.id,
    from: at('2026-11-01T00:00:00+01:00'),
    spacingMs: Math.floor((30 * 86_400_000) / LARGE),
  });
  setup.push(
    `insert ${(SMALL + LARGE).toLocaleString('en')} entries: ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  // Before approval, November is an open month: its export is a preview, its lines computed as it goes.
  await measured('preview 2026-11', (sample) =>
    exportMonth(
      store.db,
      { month: '2026-11', format: 'csv', excelSv: false },
      { kind: 'file', path: join(temp.dir, 'preview.csv'), replace: true },
      sample,
    ),
  );
  const approver = { id: user.id, name: 'Fia Finans' };
  for (const [name, month] of [
    ['Växjö kommun', '2026-10'],
    ['Örebro kommun', '2026-11'],
  ] as const) {
    t = performance.now();
    const batch = await approveMonth(
      ctx,
      { month, customerId: tickets.find((x) => x.name === name)!.customerId },
      approver,
    );
    batchOf[month] = batch.id;
    setup.push(
      `approve ${batch.lines.toLocaleString('en')} lines (${month}): ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
}, 900_000);

afterAll(async () => {
  raw?.close();
  await store?.close();
  await temp?.cleanup();
  const row = (name: string) => figures.get(name);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');
  const lines: string[] = [
    '',
    `Finance export benchmark (load average ${load} at the end; 2-core machine shared with other work)`,
    ...setup.map((s) => `  setup: ${s}`),
  ];
  for (const [label, size, month] of [
    [LARGE.toLocaleString('en'), LARGE, '2026-11'],
    ['100,000', SMALL, '2026-10'],
  ] as const) {
    const baseline = row(`baseline ${month}`);
    if (baseline) {
      lines.push(
        `  baseline ${label} lines: ${(baseline.ms / 1000).toFixed(1)} s; live heap +${baseline.heapMb.toFixed(1)} MB, ` +
          `buffers +${baseline.externalMb.toFixed(1)} MB, RSS +${baseline.rssMb.toFixed(0)} MB`,
      );
    }
    for (const kind of ['csv', 'xlsx'] as const) {
      const f = row(`${kind} ${month}`);
      if (!f || !baseline) continue;
      lines.push(
        `  ${kind.toUpperCase()} ${label} lines: ${(f.ms / 1000).toFixed(1)} s (${Math.round(size / (f.ms / 1000)).toLocaleString('en')} lines/s), ` +
          `${(f.ms / baseline.ms).toFixed(1)}x the baseline's ${(baseline.ms / 1000).toFixed(1)} s; ` +
          `live heap +${f.heapMb.toFixed(1)} MB, buffers +${f.externalMb.toFixed(1)} MB, RSS +${f.rssMb.toFixed(0)} MB`,
      );
    }
    const preview = row(`preview ${month}`);
    if (preview && baseline) {
      lines.push(
        `  CSV preview of the open month, ${label} entries (lines computed on the fly): ${(preview.ms / 1000).toFixed(1)} s, ` +
          `${(preview.ms / baseline.ms).toFixed(1)}x the baseline; live heap +${preview.heapMb.toFixed(1)} MB, RSS +${preview.rssMb.toFixed(0)} MB`,
      );
    }
  }
  for (const kind of ['csv', 'xlsx'] as const) {
    const small = row(`${kind} 2026-10`);
    const large = row(`${kind} 2026-11`);
    if (small && large) {
      lines.push(
        `  ${kind.toUpperCase()} memory, ${LARGE.toLocaleString('en')} vs 100,000 lines: live heap +${small.heapMb.toFixed(1)} -> ` +
          `+${large.heapMb.toFixed(1)} MB (x${(large.heapMb / Math.max(small.heapMb, 0.1)).toFixed(2)}), ` +
          `RSS +${small.rssMb.toFixed(0)} -> +${large.rssMb.toFixed(0)} MB`,
      );
    }
  }
  console.log([...lines, ...profiles].join('\n'));
});

/** The baseline: the same stored lines through a raw prepared statement, joined with commas, plain fs writes. */
async function baseline(month: string, file: string, sample: () => void): Promise<void> {
  const out = createWriteStream(file);
  const statement = raw.prepare(
    `SELECT b.customer_name, b.org_number, l.agreement_ref, b.number, l.kind, l.ticket_ref, l.ticket_subject, l.day,
       l.technician, l.work_type, l.actual_minutes, l.billed_minutes, l.rate_ore, l.amount_ore, l.note
     FROM billing_lines l JOIN billing_batches b ON b.id = l.batch_id WHERE l.batch_id = ? ORDER BY l.seq`,
  );
  let chunk = '';
  let n = 0;
  for (const r of statement.iterate(batchOf[month]) as IterableIterator<Record<string, string | number>>) {
    chunk += Object.values(r).join(',') + '\n';
    if (++n % 2_000 === 0) {
      sample();
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

// Each bench function is written `async`: tinybench calls a plain function once more, before its warmup and before
// its run, to find out whether it returns a promise, which ran every export three times (round 9).
for (const month of ['2026-10', '2026-11']) {
  describe(`finance export of ${month === '2026-11' ? LARGE.toLocaleString('en') : '100,000'} stored lines`, () => {
    bench(
      'baseline: raw statement, joined strings, fs writes',
      async () =>
        measured(`baseline ${month}`, (sample) =>
          baseline(month, join(temp.dir, `baseline-${month}.csv`), sample),
        ),
      once1,
    );
    bench(
      'Lotsen CSV (RFC 4180, BOM, formula guard)',
      async () =>
        profiled(`csv-${month}`, () =>
          measured(`csv ${month}`, (sample) =>
            exportMonth(
              store.db,
              { month, format: 'csv', excelSv: false },
              { kind: 'file', path: join(temp.dir, `${month}.csv`), replace: true },
              sample,
            ),
          ),
        ),
      once1,
    );
    bench(
      'Lotsen XLSX (the sheet XML into a streamed zip)',
      async () =>
        measured(`xlsx ${month}`, (sample) =>
          exportMonth(
            store.db,
            { month, format: 'xlsx', excelSv: false },
            { kind: 'file', path: join(temp.dir, `${month}.xlsx`), replace: true },
            sample,
          ),
        ),
      once1,
    );
  });
}
