import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../common/sessions/model.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { dataFiles } from '../../../main/app/dataDir.node.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { orgNumber } from '../../support/orgNumbers.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { adfsOnRecord, readyCustomerFile, standardAccess } from '../../support/readyCustomerFile.ts';
import {
  localOpenInput,
  prepareSessionCustomer,
  type PreparedSessionCustomer,
} from '../../support/sessionCustomer.ts';
import { storedVersion } from '../../support/storedVersion.ts';

/*
 * The trust rule for pre-connect commands, against the real session manager and real ptys: a command runs only once
 * a person approved that exact text for that environment on this machine, and each run is audited.
 */

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;

beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(createApi(opened.backend, () => undefined, { shell: '/bin/sh' }));
});
afterEach(async () => opened.cleanup());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function settled(id: string): Promise<SessionView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`session ${id} neither opened nor failed`)), 15_000);
    const stop = opened.backend.on('sessions.changed', (view) => {
      if (view.id !== id || !['open', 'failed', 'closed'].includes(view.state)) return;
      clearTimeout(timer);
      stop();
      resolve(view);
    });
  });
}

/** Opens a local terminal and waits until it is open (after its pre-connect command, when it runs one). */
async function openLocal(prepared: PreparedSessionCustomer, runPreConnect = true): Promise<SessionView> {
  const session = await call.ok('sessions.open', localOpenInput(prepared, { runPreConnect }));
  expect(await settled(session.id)).toMatchObject({ state: 'open' });
  return session;
}

/** A registry file whose one customer is ready for support and whose environment carries `command`. */
function registryFileWith(command: string) {
  return readyCustomerFile({
    customer: { name: 'Kalmar kommun', orgNumber: orgNumber('212000', 80) },
    production: {
      access: { ...standardAccess, preConnectCommand: command },
      servers: [{ host: 'wap.kalmar.se', role: 'wap' }, adfsOnRecord],
      supportAccounts: [{ username: 'lev-support' }],
    },
    otherEnvironments: [{ name: 'Test', access: standardAccess }],
    withTicket: true,
  });
}

describe('an imported pre-connect command', () => {
  test('is refused before anything runs until approved here, then runs, the approval and the run audited', async () => {
    const marker = join(opened.dataDir, 'vpn-marker');
    const command = `touch '${marker}' && echo vpn-klar`;
    const summary = await call.ok('registry.import', { file: registryFileWith(command) });
    expect(summary).toMatchObject({ environments: 2, preConnectCommands: 1 });

    const [customer] = await call.ok('registry.listCustomers', {});
    const detail = await call.ok('registry.getCustomer', { id: customer!.id });
    const environment = detail.environments.find((e) => e.name === 'Produktion')!;
    const [ticket] = await call.ok('tickets.list', {});
    const open = { ticketId: ticket!.id, environmentId: environment.id, kind: 'local' as const };

    const refused = await call.fails('sessions.open', open);
    expect(refused).toMatchObject({
      code: 'COMMAND_NOT_APPROVED',
      details: { environmentId: environment.id, command, commandSha256: sha256(command) },
    });
    // Refused before anything of the session existed: no command, no session, no time, no recording, no event
    // after the import's own.
    expect(existsSync(marker)).toBe(false);
    expect(await call.ok('sessions.list', { live: false })).toEqual([]);
    expect(await call.ok('time.list', {})).toEqual([]);
    expect(await call.ok('recordings.list', {})).toEqual([]);
    expect((await call.ok('audit.list', {})).map((e) => e.event)).toEqual(['registry.imported']);
    expect(await call.ok('sessions.preConnectCommands', { customerId: customer!.id })).toEqual([
      {
        environmentId: environment.id,
        command,
        disconnectCommand: '',
        commandSha256: sha256(command),
        approved: false,
      },
    ]);

    // Chosen not to run it, the session opens, without the command.
    const without = await call.ok('sessions.open', { ...open, runPreConnect: false });
    expect(await settled(without.id)).toMatchObject({ state: 'open' });
    await call.ok('sessions.close', { sessionId: without.id });
    expect(existsSync(marker)).toBe(false);

    // Approving a text other than the environment's (what an older screen showed) is refused and writes nothing.
    const stale = await call.fails('sessions.approvePreConnect', {
      environmentId: environment.id,
      command: 'echo vpn-klar',
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has changed') });
    expect(await call.ok('audit.list', { event: 'preconnect.approved' })).toEqual([]);

    const approved = await call.ok('sessions.approvePreConnect', { environmentId: environment.id, command });
    expect(approved).toMatchObject({ approved: true, commandSha256: sha256(command) });
    const config = JSON.parse(await readFile(dataFiles.config(opened.dataDir), 'utf8')) as {
      machineId: string;
    };
    const [approval] = await call.ok('audit.list', { event: 'preconnect.approved' });
    expect(approval).toMatchObject({
      subjectType: 'environment',
      subjectId: environment.id,
      details: { commandSha256: sha256(command), machineId: config.machineId },
    });
    expect(JSON.stringify(approval)).not.toContain(marker);

    const session = await call.ok('sessions.open', open);
    expect(await settled(session.id)).toMatchObject({ state: 'open' });
    expect(existsSync(marker)).toBe(true);
    await call.ok('sessions.close', { sessionId: session.id });
    const [run] = await call.ok('audit.list', { event: 'preconnect.ran' });
    expect(run).toMatchObject({
      subjectType: 'session',
      subjectId: session.id,
      details: {
        environmentId: environment.id,
        commandSha256: sha256(command),
        exitCode: 0,
        signal: null,
        succeeded: true,
        durationMs: expect.any(Number),
      },
    });
    expect(JSON.stringify(run)).not.toContain(marker);
    expect((await call.ok('audit.verify', {})).intact).toBe(true);
  });
});

describe('an approval', () => {
  const target = { host: '127.0.0.1', port: 22, username: 'tekla', secret: 'används-inte' };

  async function saveCommand(prepared: PreparedSessionCustomer, preConnectCommand: string): Promise<void> {
    await call.ok('registry.saveEnvironment', {
      customerId: prepared.customer.id,
      id: prepared.environment.id,
      rowVersion: await storedVersion(call, prepared.customer.id, prepared.environment.id),
      environment: { name: 'Produktion', access: { vpnType: 'none', method: 'ssh', preConnectCommand } },
    });
  }
  const openCode = async (prepared: PreparedSessionCustomer) =>
    (await call.fails('sessions.open', localOpenInput(prepared))).code;

  test('counts for that exact text only: an edited command, or one changed back, needs approving again', async () => {
    const prepared = await prepareSessionCustomer(call, target, { preConnectCommand: 'echo först' });
    const environmentId = prepared.environment.id;
    await call.ok('sessions.approvePreConnect', { environmentId, command: 'echo först' });
    const session = await openLocal(prepared);
    await call.ok('sessions.close', { sessionId: session.id });

    await saveCommand(prepared, 'echo sedan');
    expect(await openCode(prepared)).toBe('COMMAND_NOT_APPROVED');
    await call.ok('sessions.approvePreConnect', { environmentId, command: 'echo sedan' });
    await saveCommand(prepared, 'echo först');
    // Approving 'echo sedan' replaced this machine's approval of 'echo först'.
    expect(await openCode(prepared)).toBe('COMMAND_NOT_APPROVED');

    // A reconnect passes the same gate, and may leave the command out this time.
    const ended = await call.ok('sessions.list', { live: false });
    const refused = await call.fails('sessions.reconnect', { sessionId: ended[0]!.id });
    expect(refused.code).toBe('COMMAND_NOT_APPROVED');
    const again = await call.ok('sessions.reconnect', { sessionId: ended[0]!.id, runPreConnect: false });
    expect(again.choices.runPreConnect).toBe(false);
    expect(await settled(again.id)).toMatchObject({ state: 'open' });
    await call.ok('sessions.close', { sessionId: again.id });
  });

  test('counts on the machine that gave it only: another machine id in lotsen.json does not run it', async () => {
    const prepared = await prepareSessionCustomer(call, target, { preConnectCommand: 'echo här' });
    await call.ok('sessions.approvePreConnect', {
      environmentId: prepared.environment.id,
      command: 'echo här',
    });
    const configFile = dataFiles.config(opened.dataDir);
    const config = JSON.parse(await readFile(configFile, 'utf8')) as { machineId: string };
    expect(config.machineId).toMatch(/^[0-9a-f-]{36}$/);
    const session = await openLocal(prepared);
    await call.ok('sessions.close', { sessionId: session.id });

    // The same database, seen from another machine (its own data folder, its own id).
    await writeFile(configFile, JSON.stringify({ ...config, machineId: randomUUID() }));
    expect(await openCode(prepared)).toBe('COMMAND_NOT_APPROVED');
    const [view] = await call.ok('sessions.preConnectCommands', { customerId: prepared.customer.id });
    expect(view).toMatchObject({ approved: false });
  });
});
