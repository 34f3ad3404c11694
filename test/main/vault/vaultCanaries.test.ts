import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { parseRecoveryKit } from '../../../main/team/teamVault.node.ts';
import { grantVaultKeys } from '../../../main/team/vaultAccess.node.ts';
import { treeKey } from '../../../main/vault/keyRing.ts';
import {
  RECOVERY_RECIPIENT,
  unwrapWithKey,
  wrapBinding,
  x25519PrivateKey,
} from '../../../main/vault/treeKeyWraps.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import {
  openPassphraseBackend,
  TEST_PASSPHRASE,
  type OpenedBackend,
} from '../../support/passphraseBackend.ts';
import { POSTGRES_BIN } from '../../support/postgres/postgresServer.ts';
import { asSuperuser, superuserUrl } from '../../support/postgres/testDatabases.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { makeUserKeyPair } from '../../support/sshd/sshdFixture.ts';

/*
 * Issue 13: the team database's server never reads an access secret or a recorded terminal. Canaries are planted in
 * a support account's password, in a private key stored as a secret, in an environment's pre-connect secret and in a
 * real local session's output; the app opens them again (the pre-connect secret by giving it to the session's
 * pre-connect command, which writes it to a file: the positive control, so the search below can find what it looks
 * for), and neither `pg_dump` of
 * the team database nor any file of the PostgreSQL data folder after a CHECKPOINT holds any of them. Finance is
 * refused the reveal by the API and, with its own login, by the database. One team for the file (CI time).
 */

const mark = randomBytes(6).toString('hex');
const PASSWORD = `canary-password-${mark}-Lösen`;
// Computed by the shell, so the typed command (which the pty echoes back) does not hold it; its output does.
const TERMINAL = `canary-terminal-${mark}-42`;
const TYPED = `echo canary-terminal-${mark}-$((6*7))\n`;
const PRE_CONNECT = `canary-preconnect-${mark}-Lösen`;

let admin: OpenedBackend;
let call: ReturnType<typeof apiCaller>;
let finance: OpenedBackend;
let privateKey: string;
/** A line of the private key's base64 body: random, and in no other place than the key. */
let KEY: string;
/** Where the session's pre-connect command writes the secret it was given (never into the recorded output). */
let scratch: string;
const ids = { password: '', key: '', recording: '' };

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  admin = await openPassphraseBackend({ source: 'team', teamRole: 'support_lead' });
  call = apiCaller(createApi(admin.backend, () => undefined, { shell: '/bin/sh' }));
  const pair = await makeUserKeyPair();
  privateKey = pair.privateKey;
  await pair.cleanup();
  KEY = privateKey.split('\n')[2]!;
  expect(KEY.length).toBeGreaterThan(40);

  scratch = await mkdtemp(join(tmpdir(), 'lotsen-preconnect-'));
  const preConnectCommand = `printf %s "$LOTSEN_PRE_CONNECT_SECRET" > '${join(scratch, 'secret')}'`;
  const prepared = await prepareSessionCustomer(
    call,
    { host: '127.0.0.1', port: 22, username: 'svc_canary', secret: PASSWORD },
    { preConnectCommand, preConnectSecret: PRE_CONNECT },
  );
  await call.ok('sessions.approvePreConnect', {
    environmentId: prepared.environment.id,
    command: preConnectCommand,
  });
  ids.password = prepared.account.id;
  ids.key = (
    await call.ok('registry.saveSupportAccount', {
      environmentId: prepared.environment.id,
      account: { username: 'svc_key' },
      secret: privateKey,
    })
  ).id;

  // A real local session whose output holds the terminal canary, recorded as every session is.
  let seen = '';
  const stop = admin.backend.on('terminal.output', ({ sessionId, data }) => {
    seen += Buffer.from(data).toString('utf8');
    void call.ok('sessions.ack', { sessionId, bytes: data.length });
  });
  const session = await call.ok('sessions.open', localOpenInput(prepared, { runPreConnect: true }));
  await waitFor(
    async () =>
      (await call.ok('sessions.list', {})).some((s) => s.id === session.id && s.state === 'open')
        ? true
        : undefined,
    'the session to open',
  );
  await call.ok('sessions.input', { sessionId: session.id, data: TYPED });
  await waitFor(async () => (seen.includes(TERMINAL) ? true : undefined), 'the canary on screen');
  await call.ok('sessions.close', { sessionId: session.id });
  stop();
  ids.recording = await waitFor(async () => {
    const [recording] = await call.ok('recordings.list', { ticketId: prepared.ticket.id });
    return recording?.endedAt ? recording.id : undefined;
  }, 'the recording to end');

  finance = await admin.joinAs('finance');
}, 180_000);

afterAll(async () => {
  await finance?.cleanup();
  await admin?.cleanup();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const database = () => admin.team!.database.name;

async function pgDump(): Promise<string> {
  const child = spawn(join(POSTGRES_BIN, 'pg_dump'), ['--dbname', superuserUrl(database())], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`pg_dump failed: ${Buffer.concat(err).toString('utf8')}`);
  return Buffer.concat(out).toString('utf8');
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

describe('the vault: what the team database server holds', () => {
  test('positive control: the app opens every canary again', async () => {
    expect(await call.ok('registry.revealSecret', { accountId: ids.password, purpose: 'kontroll' })).toEqual({
      secret: PASSWORD,
    });
    const key = await call.ok('registry.revealSecret', { accountId: ids.key, purpose: 'kontroll' });
    expect(key.secret).toBe(privateKey);
    expect(key.secret).toContain(KEY);
    const page = await call.ok('recordings.read', { recordingId: ids.recording, limit: 64 });
    expect(page.events).toContain(TERMINAL);
    expect(page.events).not.toContain(PRE_CONNECT);
    // The pre-connect command was given its secret, and only it: the canary is in the file it wrote.
    expect(await readFile(join(scratch, 'secret'), 'utf8')).toBe(PRE_CONNECT);
  });

  test('no canary is in pg_dump of the team database, nor in any file of the data folder after a CHECKPOINT', async () => {
    const dump = await pgDump();
    // The dump is of the right database and holds the sealed rows: the search below looks where they are.
    expect(dump).toContain('svc_canary');
    expect(dump).toMatch(/sv1\.[0-9a-f-]{36}\./);
    for (const canary of [PASSWORD, KEY, TERMINAL, PRE_CONNECT]) expect(dump).not.toContain(canary);

    const dataDirectory = await asSuperuser(database(), async (client) => {
      await client.query('CHECKPOINT');
      return (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
    });
    const canaries = [PASSWORD, KEY, TERMINAL, PRE_CONNECT].map((c) => Buffer.from(c, 'utf8'));
    const found: string[] = [];
    let files = 0;
    let sawAccount = false;
    for await (const file of filesUnder(dataDirectory)) {
      const bytes = await readFile(file).catch(() => null);
      if (!bytes) continue;
      files += 1;
      if (bytes.includes('svc_canary')) sawAccount = true;
      for (const canary of canaries) if (bytes.includes(canary)) found.push(`${file}: ${canary.toString()}`);
    }
    expect(files).toBeGreaterThan(100);
    // The account's plain username is on disk: the files searched hold the rows the canaries were written with.
    expect(sawAccount).toBe(true);
    expect(found).toEqual([]);
  });

  test('finance: the reveal is refused by the API, and the finance login cannot read a secret or a data key', async () => {
    const financeCall = apiCaller(createApi(finance.backend, () => undefined));
    const refused = await financeCall.fails('registry.revealSecret', {
      accountId: ids.password,
      purpose: 'x',
    });
    expect(refused.code).toBe('FORBIDDEN');
    const db = finance.backend.registryContext().db;
    await expect(db.selectFrom('secret_data_keys').select('wrapped_key').execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(db.selectFrom('support_accounts').select('secret').execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(db.selectFrom('environments').select('pre_connect_secret').execute()).rejects.toThrow(
      /permission denied/,
    );
    // Finance reads the environment itself, and whether it has a pre-connect secret, without the secret.
    const [customer] = await financeCall.ok('registry.listCustomers', {});
    const detail = await financeCall.ok('registry.getCustomer', { id: customer!.id });
    expect(detail.environments.map((e) => [e.name, e.access.hasPreConnectSecret])).toEqual([
      ['Produktion', true],
    ]);
    // Finance holds the personal tree, never the secrets tree.
    const wraps = await db.selectFrom('vault_wraps').select(['tree', 'recipient']).execute();
    const mine = wraps.filter((w) => w.recipient.startsWith('member:')).length;
    expect(mine).toBeGreaterThan(0);
    const financeId = finance.backend.registryContext().actorId;
    expect(wraps.filter((w) => w.recipient === `member:${financeId}`).map((w) => w.tree)).toEqual([
      'personal',
    ]);
  });

  test('team create left no tree key in plain text; the recovery kit opens both trees as the members hold them', async () => {
    const db = admin.backend.registryContext().db;
    const plain = await asSuperuser(database(), (client) =>
      client.query('SELECT name FROM lotsen.key_trees'),
    );
    expect(plain.rows).toEqual([]);
    const kit = parseRecoveryKit(admin.team!.recoveryKit.text);
    expect(kit.database).toBe(database());
    const wraps = await db
      .selectFrom('vault_wraps')
      .select(['tree', 'generation', 'wrapped'])
      .where('recipient', '=', RECOVERY_RECIPIENT)
      .orderBy('tree')
      .execute();
    expect(wraps.map((w) => [w.tree, Number(w.generation)])).toEqual([
      ['personal', 1],
      ['secrets', 1],
    ]);
    for (const wrap of wraps) {
      const tree = wrap.tree as 'personal' | 'secrets';
      const opened = unwrapWithKey(
        x25519PrivateKey(kit.privateKey),
        wrapBinding(tree, 1, RECOVERY_RECIPIENT),
        wrap.wrapped,
      );
      expect(opened.equals((await treeKey(db, tree)).key)).toBe(true);
    }
  });

  test('grant-keys wraps what a member is entitled to and lacks: finance gets the personal tree back, never secrets', async () => {
    const financeId = finance.backend.registryContext().actorId;
    // As for a member enrolled before the vault: no wrap and no published key.
    await asSuperuser(database(), async (client) => {
      await client.query('DELETE FROM lotsen.vault_wraps WHERE recipient = $1', [`member:${financeId}`]);
      await client.query('DELETE FROM lotsen.member_keys WHERE user_id = $1', [financeId]);
    });
    // Nobody can wrap for a member without a key; their next unlock publishes it.
    expect(await grantVaultKeys(admin.backend)).toEqual([]);
    await finance.backend.lock();
    await finance.backend.unlock(TEST_PASSPHRASE);
    expect(await grantVaultKeys(admin.backend)).toEqual([{ userId: financeId, trees: ['personal'] }]);
    expect(await grantVaultKeys(admin.backend)).toEqual([]);
    const events = await call.ok('audit.list', { event: 'vault.access_granted' });
    expect(events.map((e) => [e.subjectId, e.details.trees])).toEqual([[financeId, ['personal']]]);
    // The new wrap opens for finance (its key ring is new since the unlock: nothing cached).
    expect((await treeKey(finance.backend.registryContext().db, 'personal')).generation).toBe(1);
  });
});
