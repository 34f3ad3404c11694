import { createHash } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SessionView } from '../../../../common/sessions/model.ts';
import { createApi } from '../../../../main/api/createApi.node.ts';
import { apiCaller } from '../../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../../support/passphraseBackend.ts';
import { prepareSessionCustomer, type PreparedSessionCustomer } from '../../../support/sessionCustomer.ts';

/*
 * External-tool sessions (issue 16, item 3) against the real session manager, real ptys and real programs: TeamViewer
 * is not on this machine, so the tool is a small shell script that writes the arguments it was given and then
 * either stays (a client that runs until closed) or ends at once (a launcher that hands off).
 */

let opened: Awaited<ReturnType<typeof openPassphraseBackend>>;
let call: ReturnType<typeof apiCaller>;

const HANDOFF_MS = 800;

beforeEach(async () => {
  opened = await openPassphraseBackend();
  call = apiCaller(
    createApi(opened.backend, () => undefined, { shell: '/bin/sh', toolHandoffMs: HANDOFF_MS }),
  );
});
afterEach(async () => opened.cleanup());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function stateOf(
  id: string,
  states: SessionView['state'][],
  also: (view: SessionView) => boolean = () => true,
) {
  return new Promise<SessionView>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`session ${id} never reached ${states.join('/')}`)),
      15_000,
    );
    const stop = opened.backend.on('sessions.changed', (view) => {
      if (view.id !== id || !states.includes(view.state) || !also(view)) return;
      clearTimeout(timer);
      stop();
      resolve(view);
    });
  });
}

/** A stand-in tool: writes each argument on a line of `out`, then sleeps `seconds` (0: ends at once). */
async function fakeTool(name: string, seconds: number): Promise<{ path: string; out: string }> {
  const path = join(opened.dataDir, name);
  const out = join(opened.dataDir, `${name}.args`);
  await writeFile(path, `#!/bin/sh\nprintf '%s\\n' "$@" > '${out}'\necho tool-started\nsleep ${seconds}\n`);
  await chmod(path, 0o755);
  return { path, out };
}

/** The prepared customer's environment with TeamViewer supported and launched by `template`. */
async function withTemplate(prepared: PreparedSessionCustomer, template: string) {
  const current = (await call.ok('registry.getCustomer', { id: prepared.customer.id })).environments.find(
    (e) => e.id === prepared.environment.id,
  )!;
  return call.ok('registry.saveEnvironment', {
    customerId: prepared.customer.id,
    id: current.id,
    rowVersion: current.rowVersion,
    environment: {
      name: current.name,
      access: {
        vpnType: 'cisco_anyconnect',
        vpnGateway: 'vpn.kalmar.se',
        splitTunnel: 'yes',
        method: 'teamviewer',
        teamViewerId: '123 456 789',
        supportedTools: ['TeamViewer'],
        toolTemplates: [{ tool: 'TeamViewer', template }],
      },
    },
  });
}

async function prepared() {
  return prepareSessionCustomer(call, {
    host: 'wap01.kalmar.se',
    port: 22,
    username: 'lev support',
    secret: 'hemligt-lösen-1',
  });
}

const toolOpen = (p: PreparedSessionCustomer) => ({
  ticketId: p.ticket.id,
  environmentId: p.environment.id,
  kind: 'tool' as const,
  tool: 'TeamViewer',
  serverId: p.server.id,
  accountId: p.account.id,
});

describe('an external-tool session', () => {
  test('runs only after its template is approved here, lasts as long as the tool, with time and audit', async () => {
    const p = await prepared();
    const tool = await fakeTool('teamviewer', 2);
    const template = `'${tool.path}' -i {teamviewerId} --host {host}:{port} --user {username}`;
    await withTemplate(p, template);

    const refused = await call.fails('sessions.open', toolOpen(p));
    expect(refused).toMatchObject({
      code: 'TOOL_NOT_APPROVED',
      details: {
        environmentId: p.environment.id,
        tool: 'TeamViewer',
        template,
        templateSha256: sha256(template),
      },
    });
    // Refused before anything of the session existed: the tool did not run, no session, no time.
    expect(existsSync(tool.out)).toBe(false);
    expect(await call.ok('sessions.list', { live: false })).toEqual([]);
    expect(await call.ok('time.list', {})).toEqual([]);
    expect(await call.ok('tools.list', { customerId: p.customer.id })).toEqual([
      {
        environmentId: p.environment.id,
        tool: 'TeamViewer',
        template,
        templateSha256: sha256(template),
        approved: false,
      },
    ]);

    // An approval of another text (what an older screen showed) is refused.
    expect(
      await call.fails('tools.approve', {
        environmentId: p.environment.id,
        tool: 'TeamViewer',
        template: 'x',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await call.ok('tools.approve', { environmentId: p.environment.id, tool: 'TeamViewer', template });
    const [approval] = await call.ok('audit.list', { event: 'tool.approved' });
    expect(approval).toMatchObject({
      subjectId: p.environment.id,
      details: { templateSha256: sha256(template) },
    });
    expect(JSON.stringify(approval)).not.toContain(tool.path);

    const session = await call.ok('sessions.open', toolOpen(p));
    expect(session).toMatchObject({ kind: 'tool', title: 'TeamViewer', choices: { tool: 'TeamViewer' } });
    const live = await stateOf(session.id, ['open']);
    expect(live.toolHandedOffAt).toBeUndefined();
    const ended = await stateOf(session.id, ['closed']);
    // Each placeholder filled into its own argument: the space in the user name does not split it.
    expect((await readFile(tool.out, 'utf8')).split('\n')).toEqual([
      '-i',
      '123456789',
      '--host',
      'wap01.kalmar.se:22',
      '--user',
      'lev support',
      '',
    ]);
    expect(ended).toMatchObject({ endCode: null, endMessage: 'The tool ended (exit code 0).' });
    expect(ended.closedAt! - ended.openedAt).toBeGreaterThanOrEqual(1_500);

    const [entry] = await call.ok('time.list', {});
    expect(entry).toMatchObject({ id: ended.timeEntryId, ticketId: p.ticket.id });
    expect(entry!.endedAt).not.toBeNull();
    const events = (await call.ok('audit.list', {})).filter((e) => e.subjectId === session.id);
    expect(events.map((e) => e.event).sort()).toEqual(['session.closed', 'session.opened', 'tool.ran']);
    expect(events.find((e) => e.event === 'session.opened')).toMatchObject({ details: { kind: 'tool' } });
    expect(events.find((e) => e.event === 'tool.ran')).toMatchObject({
      details: { exitCode: 0, handedOff: false, templateSha256: sha256(template) },
    });
  });

  test('an approval given by a blocked launch says so in its audit event; a template needing no server launches for the environment', async () => {
    const p = await prepared();
    const tool = await fakeTool('teamviewer-env', 0);
    const template = `${tool.path} -i {teamviewerId}`;
    await withTemplate(p, template);
    const approve = { environmentId: p.environment.id, tool: 'TeamViewer', template };
    // The palette's index names it with its customer; a template needing a server is left to the server's row.
    expect(await call.ok('tools.index', {})).toEqual([
      {
        customerId: p.customer.id,
        customerName: p.customer.name,
        environmentId: p.environment.id,
        environmentName: p.environment.name,
        tool: 'TeamViewer',
      },
    ]);
    // The launch button of a blocked session overrides and approves in one click: the approval is recorded as such.
    expect(await call.ok('tools.approve', { ...approve, withOverride: true })).toEqual({
      ...approve,
      templateSha256: sha256(template),
      approved: true,
    });
    await call.ok('tools.approve', approve);
    const approvals = await call.ok('audit.list', { event: 'tool.approved' });
    expect(approvals.map((e) => String(e.details['withOverride'] ?? 'absent')).sort()).toEqual([
      'absent',
      'true',
    ]);

    // No server and no account: only {teamviewerId}, the environment's own, is filled in.
    const session = await call.ok('sessions.open', { ...toolOpen(p), serverId: null, accountId: null });
    await stateOf(session.id, ['open'], (view) => view.toolHandedOffAt !== undefined);
    expect((await readFile(tool.out, 'utf8')).split('\n')).toEqual(['-i', '123456789', '']);
    await call.ok('sessions.close', { sessionId: session.id });
    await withTemplate(p, `${tool.path} --host {host}`);
    expect(await call.ok('tools.index', {})).toEqual([]);
  });

  test('a tool that hands off and exits at once is tracked until Done, and says so', async () => {
    const p = await prepared();
    const tool = await fakeTool('teamviewer-launcher', 0);
    const template = `${tool.path} {teamviewerId}`;
    await withTemplate(p, template);
    await call.ok('tools.approve', { environmentId: p.environment.id, tool: 'TeamViewer', template });

    const session = await call.ok('sessions.open', toolOpen(p));
    const handed = await stateOf(session.id, ['open'], (view) => view.toolHandedOffAt !== undefined);
    expect(handed.toolHandedOffAt).toBeGreaterThanOrEqual(handed.openedAt);
    // Still live well after the tool ended, its time running.
    await new Promise((resolve) => setTimeout(resolve, HANDOFF_MS));
    const [running] = await call.ok('sessions.list', { live: true });
    expect(running).toMatchObject({ id: session.id, state: 'open' });
    expect((await call.ok('time.list', {}))[0]!.endedAt).toBeNull();

    const done = await call.ok('sessions.close', { sessionId: session.id });
    expect(done).toMatchObject({ state: 'closed' });
    expect((await call.ok('time.list', {}))[0]!.endedAt).not.toBeNull();
    const [ran] = await call.ok('audit.list', { event: 'tool.ran' });
    expect(ran).toMatchObject({ subjectId: session.id, details: { exitCode: 0, handedOff: true } });
  });

  test('a tool not installed, a template that changed, or a placeholder the session lacks is refused cleanly', async () => {
    const p = await prepared();
    const missing = join(opened.dataDir, 'no-such-teamviewer');
    await withTemplate(p, `${missing} -i {teamviewerId}`);
    await call.ok('tools.approve', {
      environmentId: p.environment.id,
      tool: 'TeamViewer',
      template: `${missing} -i {teamviewerId}`,
    });
    expect(await call.fails('sessions.open', toolOpen(p))).toMatchObject({ code: 'TOOL_FAILED' });

    const tool = await fakeTool('tv', 0);
    await withTemplate(p, `${tool.path} --host {host}`);
    expect(await call.fails('sessions.open', toolOpen(p))).toMatchObject({ code: 'TOOL_NOT_APPROVED' });
    await call.ok('tools.approve', {
      environmentId: p.environment.id,
      tool: 'TeamViewer',
      template: `${tool.path} --host {host}`,
    });
    expect(await call.fails('sessions.open', { ...toolOpen(p), serverId: null })).toMatchObject({
      code: 'TOOL_FAILED',
      details: { placeholder: 'host' },
    });
    expect(existsSync(tool.out)).toBe(false);
    expect(await call.ok('sessions.list', { live: false })).toEqual([]);
  });

  test('a template naming anything but the four placeholders, or a tool not supported, is refused when saved', async () => {
    const p = await prepared();
    const refused = await call.fails('registry.saveEnvironment', {
      customerId: p.customer.id,
      id: p.environment.id,
      rowVersion: p.environment.rowVersion,
      environment: {
        name: 'Produktion',
        access: {
          method: 'ssh',
          vpnType: 'none',
          supportedTools: ['TeamViewer'],
          toolTemplates: [
            { tool: 'TeamViewer', template: 'teamviewer --password {password}' },
            { tool: 'AnyDesk', template: 'anydesk {host}' },
          ],
        },
      },
    });
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(refused)).toContain('Unknown placeholder {password}');
    expect(JSON.stringify(refused)).toContain('one of the supported tools');
  });
});
