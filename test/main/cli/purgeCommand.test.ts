import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createApi } from '../../../main/api/createApi.node.ts';
import { Backend } from '../../../main/app/backend.node.ts';
import { sealPersonal } from '../../../main/personalData/personalDataKeys.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { prepareBillingCustomer } from '../../support/billingCustomer.ts';
import { cliEnv, initWithCli, runCli } from '../../support/runCli.ts';
import { makeTempDataDir } from '../../support/tempDataDir.ts';
import { fileTicket, setTicketStatus } from '../../support/ticketLife.ts';

/*
 * `lotsen purge` and `lotsen privacy` as child processes. The store is set up in this process on a clock two months
 * back, so its closed ticket is old enough for today's purge (due: none has run since last summer's date).
 */

let home: string;
let cleanup: () => Promise<void>;
let env: NodeJS.ProcessEnv;
let ticketId: string;

beforeEach(async () => {
  ({ dir: home, cleanup } = await makeTempDataDir('lotsen-cli-purge-'));
  env = cliEnv(home);
  await initWithCli(env);
  const past = Date.now() - 60 * 24 * 3600_000;
  const backend = await Backend.open({ dataDir: home, now: () => past });
  await backend.unlock(env.LOTSEN_PASSPHRASE!);
  const call = apiCaller(createApi(backend, () => undefined));
  const { customer } = await prepareBillingCustomer(call, { receivedAt: past - 3600_000 });
  const ticket = await fileTicket(call, {
    customerId: customer.id,
    requesterName: 'Anna Larsson',
    requesterEmail: 'anna.larsson@skola.se',
    subject: 'Elev 070512 kan inte logga in',
    externalRef: 'HD-3001',
    receivedAt: past - 3600_000,
  });
  await setTicketStatus(call, ticket, 'closed');
  await sealPersonal(backend.registryContext().db, { kind: 'ticket', id: ticket.id }, 'Anna Larsson');
  ticketId = ticket.id;
  await backend.close();
});
afterEach(async () => cleanup());

/** What a purge changes, read in this process. */
async function storeState() {
  const backend = await Backend.open({ dataDir: home });
  await backend.unlock(env.LOTSEN_PASSPHRASE!);
  const db = backend.registryContext().db;
  const state = {
    keys: await db
      .selectFrom('personal_data_keys')
      .select(['owner_kind', 'owner_id'])
      .orderBy('id')
      .execute(),
    purged: await db.selectFrom('tickets').select(['id', 'purged_at']).orderBy('id').execute(),
    runs: await db.selectFrom('purge_runs').selectAll().execute(),
    events: await db.selectFrom('audit_events').select(['seq', 'event']).orderBy('seq').execute(),
  };
  await backend.close();
  return state;
}

// Each command derives the passphrase key (scrypt, 128 MiB), a few seconds apiece on a loaded machine.
describe('lotsen purge', { timeout: 180_000 }, () => {
  test('purge --dry-run changes nothing', async () => {
    const before = await storeState();
    expect(before.keys).toContainEqual({ owner_kind: 'ticket', owner_id: ticketId });

    const dry = await runCli(['purge', '--dry-run', '--json'], env);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    const preview = JSON.parse(dry.stdout);
    expect(preview.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketId]);
    expect(preview.customers).toEqual([
      expect.objectContaining({ customerName: 'Växjö kommun', tickets: 1 }),
    ]);
    expect(dry.stdout).not.toMatch(/Anna|Elev|skola/);

    const text = await runCli(['purge', '--dry-run', '--date', '2099-07-01'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Purge as of 2099-07-01');
    expect(text.stdout).toContain('HD-3001');
    // Without a terminal and without --yes, the real purge is refused before anything happens.
    const unconfirmed = await runCli(['purge'], env);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('--yes');
    expect(await runCli(['purge', '--date', '2099-07-01'], env)).toMatchObject({ code: 2 });
    expect(await storeState()).toEqual(before);

    const run = await runCli(['purge', '--yes', '--json'], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Backups made before this purge still hold');
    expect(JSON.parse(run.stdout)).toMatchObject({ tickets: 1, keysDestroyed: 1 });
  });

  test('privacy extract writes the person’s tickets to a file, and erase needs a confirmation', async () => {
    const out = join(home, 'anna.json');
    const extract = await runCli(
      ['privacy', 'extract', '--email', 'ANNA.larsson@skola.se', '--out', out],
      env,
    );
    expect(extract.code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(out, 'utf8'));
    expect(file.tickets).toEqual([
      expect.objectContaining({ id: ticketId, subject: 'Elev 070512 kan inte logga in' }),
    ]);
    expect((await runCli(['privacy', 'erase', '--email', 'anna.larsson@skola.se'], env)).code).toBe(1);
    const erase = await runCli(
      ['privacy', 'erase', '--email', 'anna.larsson@skola.se', '--yes', '--json'],
      env,
    );
    expect(erase.code).toBe(0);
    expect(JSON.parse(erase.stdout)).toMatchObject({ ticketIds: [ticketId], keysDestroyed: 1 });
    const help = await runCli(['purge', '--help'], env);
    expect(help.stdout).toContain('--dry-run');
  });
});
