import { execFile } from 'node:child_process';
import { sealedTextOf } from '../../../../main/vault/sealedText.ts';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { destroyDataKeys, sealPersonal } from '../../../../main/personalData/personalDataKeys.ts';
import { encodeEvent, encodeHeader } from '../../../../main/sessions/recording/asciicast.ts';
import { stageCastExport } from '../../../../main/sessions/recording/exportCast.node.ts';
import { startRecording } from '../../../../main/sessions/recording/recorder.ts';
import {
  getRecording,
  listRecordings,
  readRecording,
} from '../../../../main/sessions/recording/recordingRepository.ts';
import { spawnPty } from '../../../../main/sessions/terminal/ptySource.node.ts';
import { connectTerminal } from '../../../../main/sessions/terminal/terminalStream.ts';
import { createStore, type Store } from '../../../../main/store/database.node.ts';
import { asciinemaCat } from '../../../support/asciinema.ts';
import { destroySecretKeys, openSecrets } from '../../../../main/vault/secretVault.ts';
import { makeTempDataDir } from '../../../support/tempDataDir.ts';

const run = promisify(execFile);
/** The recordings' owner: whose data key seals their output. */
const TICKET = { kind: 'ticket' as const, id: 'ticket-1' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempStore(): Promise<{ store: Store; dir: string }> {
  const temp = await makeTempDataDir();
  cleanups.push(temp.cleanup);
  const store = await createStore(join(temp.dir, 'lotsen.db'), randomBytes(32));
  cleanups.push(() => store.close());
  return { store, dir: temp.dir };
}

/** Runs a script in a real pty through the terminal stream, recording what the client is sent. */
async function recordPtySession(store: Store, script: string, size = { cols: 100, rows: 30 }) {
  const recorder = await startRecording(store.db, {
    owner: TICKET,
    width: size.cols,
    height: size.rows,
    env: { TERM: 'xterm-256color', SHELL: '/bin/sh' },
  });
  const source = spawnPty({
    file: '/bin/sh',
    args: ['-c', script],
    ...size,
    env: { ...process.env, LANG: 'C.UTF-8' },
  });
  await new Promise<void>((resolve) => {
    const stream = connectTerminal(
      source,
      { output: (bytes) => stream.ack(bytes.length), exit: () => resolve() },
      { recording: recorder },
    );
  });
  return recorder.finish();
}

/** The file export without the audit around it (what `lotsen recordings export` places once it has audited). */
async function exportCast(store: Store, id: string, file: string): Promise<void> {
  await (await stageCastExport(store.db, id, file)).place();
}

/** Node 20 has no Array.fromAsync. */
async function readAll(store: Store, id: string): Promise<string> {
  let text = '';
  for await (const piece of readRecording(store.db, id)) text += piece;
  return text;
}

const SECRET_TEXT = 'Inspelning-Östersund-serverrum-4711';

test('a recorded pty session exports to a .cast file that the real asciinema reads, holding its output', async () => {
  const { store, dir } = await tempStore();
  const summary = await recordPtySession(
    store,
    `printf '%s\\n' '${SECRET_TEXT}'; sleep 0.3; echo 'Klart åäö 😀'`,
  );
  const file = join(dir, 'session.cast');
  await exportCast(store, summary.id, file);

  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(header).toMatchObject({ version: 2, width: 100, height: 30, env: { TERM: 'xterm-256color' } });
  expect(header.timestamp).toBeCloseTo(Date.now() / 1000, -2);
  const events = lines.slice(1).map((line) => JSON.parse(line) as [number, string, string]);
  expect(events.every(([, type]) => type === 'o')).toBe(true);
  const times = events.map(([time]) => time);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(0.25); // the sleep shows in the timing
  expect(events.map(([, , text]) => text).join('')).toBe(`${SECRET_TEXT}\r\nKlart åäö 😀\r\n`);
  expect(summary.bytes).toBe(Buffer.byteLength(`${SECRET_TEXT}\r\nKlart åäö 😀\r\n`));

  const played = await asciinemaCat(file);
  expect(played).toContain(SECRET_TEXT);
  expect(played).toContain('Klart åäö 😀');
}, 60_000);

test('the store holds no plaintext of a recording: not in the database, its WAL or anywhere in the folder', async () => {
  const { store, dir } = await tempStore();
  const summary = await recordPtySession(store, `printf '%s\\n' '${SECRET_TEXT}'`);
  // The same text is in the store (readable with the key) and in a plain export, so the search below can find it.
  expect(await readAll(store, summary.id)).toContain(SECRET_TEXT);
  const exported = join(dir, 'plain.cast');
  await exportCast(store, summary.id, exported);

  for (const name of await readdir(dir)) {
    const bytes = await readFile(join(dir, name));
    const found =
      bytes.includes(Buffer.from(SECRET_TEXT, 'utf8')) || bytes.includes(Buffer.from('Inspelning'));
    expect(found, name).toBe(name === 'plain.cast');
  }
  const failure = await run('sqlite3', [join(dir, 'lotsen.db'), 'SELECT data FROM recording_chunks;']).catch(
    (error: { stderr: string }) => error,
  );
  expect((failure as { stderr: string }).stderr).toMatch(/file is not a database/);
}, 60_000);

test('output is written in batches, not a row per chunk; listing and reading give it back in order', async () => {
  const { store } = await tempStore();
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  const piece = new TextEncoder().encode('rad åäö\r\n'); // 12 bytes
  for (let i = 0; i < 20_000; i++) recorder.output(piece);
  recorder.resize(120, 40);
  recorder.input('hemligt-lösenord\r'); // input is off by default: it carries passwords
  const summary = await recorder.finish();
  expect(await recorder.finish()).toEqual(summary);

  const rows = await store.db
    .selectFrom('recording_chunks')
    .select(['seq', 'offset_ms', 'data'])
    .where('recording_id', '=', summary.id)
    .orderBy('seq')
    .execute();
  // 20 000 events of ~40 characters each: ~800 KB of event lines in 64 KiB batches.
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.length).toBeLessThan(20);
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i));

  const text = await readAll(store, summary.id);
  const { header } = await store.db.selectFrom('recordings').select('header').executeTakeFirstOrThrow();
  expect(text).toBe(
    header +
      (
        await openSecrets(
          store.db,
          rows.map((row) => sealedTextOf(row.data)),
        )
      ).join(''),
  );
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(1 + 20_000 + 1);
  expect(JSON.parse(lines.at(-1)!)).toEqual([expect.any(Number), 'r', '120x40']);
  expect(text).not.toContain('hemligt');

  const info = await getRecording(store.db, summary.id);
  expect(info).toMatchObject({ id: summary.id, width: 80, height: 24, bytes: 20_000 * piece.length });
  expect(info.endedAt).toBe(summary.endedAt);
  expect((await listRecordings(store.db)).map((r) => r.id)).toEqual([summary.id]);
  await expect(getRecording(store.db, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
}, 60_000);

test("batches are sealed under the recording's own key; older ones under the ticket's key still read; a destroyed key reads as purged", async () => {
  const { store } = await tempStore();
  const summary = await recordPtySession(store, `printf '${SECRET_TEXT}\\n'`);
  const [newer] = await store.db.selectFrom('recording_chunks').select('data').execute();
  expect(newer!.data).toMatch(/^sv1\./);
  const keys = await store.db.selectFrom('secret_data_keys').select(['owner_kind', 'owner_id']).execute();
  expect(keys).toEqual([{ owner_kind: 'recording', owner_id: summary.id }]);
  // A batch as recordings were stored before the vault: under the ticket's personal-data key.
  const older = encodeEvent(9, 'o', 'före valvet\r\n');
  await store.db
    .insertInto('recording_chunks')
    .values({
      recording_id: summary.id,
      seq: 99,
      offset_ms: 9000,
      data: await sealPersonal(store.db, TICKET, older),
    })
    .execute();
  const text = await readAll(store, summary.id);
  expect(text).toContain(SECRET_TEXT);
  expect(text).toContain('före valvet');
  await destroySecretKeys(store.db, [{ kind: 'recording', id: summary.id }]);
  await destroyDataKeys(store.db, [TICKET]);
  const purged = await readAll(store, summary.id);
  expect(purged).not.toContain(SECRET_TEXT);
  expect(purged).not.toContain('före valvet');
  expect(purged).toContain('gallrad');
});

test('a quiet session is still written within a moment (the time limit on a batch)', async () => {
  const { store } = await tempStore();
  const recorder = await startRecording(store.db, { owner: TICKET, width: 80, height: 24 });
  recorder.output(new TextEncoder().encode('$ '));
  const count = async () => (await store.db.selectFrom('recording_chunks').select('seq').execute()).length;
  expect(await count()).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(await count()).toBe(1);
  await recorder.finish();
});

test('asciicast lines are single JSON lines whatever the output holds', () => {
  expect(encodeHeader({ version: 2, width: 80, height: 24, timestamp: 1, env: {} })).toBe(
    '{"version":2,"width":80,"height":24,"timestamp":1,"env":{}}\n',
  );
  const line = encodeEvent(1.23456789, 'o', '\x1b[31mröd\r\n\u2028');
  expect(line.split('\n')).toHaveLength(2);
  expect(JSON.parse(line)).toEqual([1.234568, 'o', '\x1b[31mröd\r\n\u2028']);
});
