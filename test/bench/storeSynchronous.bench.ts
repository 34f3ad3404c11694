import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import {
  createStore,
  openStore,
  sqliteConnectionOf,
  type EmbeddedStore,
} from '../../main/store/database.node.ts';
import { makeTempDataDir } from '../support/tempDataDir.ts';
import { formatMs } from './support/latencies.ts';

/*
 * What `synchronous = FULL` (set on every open since round 9, main/store/database.node.ts) costs against the
 * `NORMAL` a store opened again ran at before: the same write-heavy work on one encrypted store opened again, as the
 * app opens it, the two settings alternating round by round in the same run (the machine is shared; only the ratio
 * is read). Two kinds of commit: a small row each (an audit event, a time entry) and a 90 KB blob each (a session
 * recording's batch, the heaviest writer). The temporary folder is on the machine's own disk (the figure depends on
 * its fsync); the load average is printed.
 */
const SMALL_COMMITS = 300;
const BATCH_COMMITS = 100;
const BATCH_BYTES = 90_000;
const ROUNDS = 4;
const OPTIONS = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

let temp: Awaited<ReturnType<typeof makeTempDataDir>>;
let store: EmbeddedStore;
let raw: Database.Database;
const times: Record<string, number[]> = {};

beforeAll(async () => {
  temp = await makeTempDataDir('lotsen-bench-synchronous-');
  const file = join(temp.dir, 'lotsen.db');
  const key = randomBytes(32);
  await (await createStore(file, key)).close();
  store = await openStore(file, key);
  raw = sqliteConnectionOf(store.db)!;
  // A table of the benchmark's own in the store's file, so its pages go through the cipher and the WAL like any row.
  raw.exec('CREATE TABLE bench_writes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
}, 120_000);

afterAll(async () => {
  await store?.close();
  await temp?.cleanup();
  const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(1));
  const lines = [
    '',
    `synchronous = FULL against NORMAL on a store opened again, ${ROUNDS} alternating rounds, medians; load average ${one}, ${five}, ${fifteen}`,
  ];
  for (const [work, count] of [
    ['small', SMALL_COMMITS],
    ['batch', BATCH_COMMITS],
  ] as const) {
    const full = median(times[`${work} FULL`] ?? [Number.NaN]);
    const normal = median(times[`${work} NORMAL`] ?? [Number.NaN]);
    lines.push(
      `  ${count} commits of ${work === 'small' ? 'one small row' : `${BATCH_BYTES / 1000} KB`}: FULL ${formatMs(full)} ` +
        `(${formatMs(full / count)} a commit), NORMAL ${formatMs(normal)} (${formatMs(normal / count)} a commit): ` +
        `FULL takes ${(full / normal).toFixed(2)}x`,
    );
  }
  console.log(lines.join('\n'));
});

function commits(work: 'small' | 'batch', level: 'FULL' | 'NORMAL') {
  return () => {
    raw.pragma(`synchronous = ${level}`);
    const insert = raw.prepare('INSERT INTO bench_writes (body) VALUES (?)');
    const body = work === 'small' ? randomBytes(200) : randomBytes(BATCH_BYTES);
    const count = work === 'small' ? SMALL_COMMITS : BATCH_COMMITS;
    const started = performance.now();
    // Each insert is its own transaction: one commit each, as the audit log and the recorder commit.
    for (let i = 0; i < count; i++) insert.run(body);
    (times[`${work} ${level}`] ??= []).push(performance.now() - started);
    // What the product runs at, whatever came last.
    raw.pragma('synchronous = FULL');
  };
}

describe('commits on an encrypted store opened again, FULL and NORMAL alternating', () => {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const work of ['small', 'batch'] as const) {
      for (const level of round % 2 === 1 ? (['FULL', 'NORMAL'] as const) : (['NORMAL', 'FULL'] as const)) {
        bench(`round ${round}: ${work} commits at ${level}`, commits(work, level), OPTIONS);
      }
    }
  }
});
