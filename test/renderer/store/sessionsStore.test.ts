import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../renderer/api/client.ts';
import {
  selectCurrentPrompt,
  selectLiveCount,
  selectPreConnect,
} from '../../../renderer/store/sessions/selectors.ts';
import { createStores, startStores, type Stores } from '../../../renderer/store/stores.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openPassphraseBackend } from '../../support/passphraseBackend.ts';
import { prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import { inProcessTransport } from '../support/inProcessTransport.ts';
import { waitFor } from '../support/wsServer.ts';
import { storedVersion } from '../../support/storedVersion.ts';

let env: Awaited<ReturnType<typeof openPassphraseBackend>>;
let stores: Stores;
let stop: () => void;
let prepared: Awaited<ReturnType<typeof prepareSessionCustomer>>;
let call: ReturnType<typeof apiCaller>;

beforeEach(async () => {
  env = await openPassphraseBackend();
  stores = createStores(createApiClient(inProcessTransport(env.backend)));
  stop = startStores(stores);
  // No SSH here: local terminals only; the server entry is never connected to.
  call = apiCaller(createApi(env.backend));
  prepared = await prepareSessionCustomer(call, {
    host: '127.0.0.1',
    port: 22,
    username: 'ingen',
    secret: 'x',
  });
});

afterEach(async () => {
  stop();
  await env.cleanup();
});

describe('the sessions store and the terminal channel, against a real backend and pty', () => {
  it('opens a tab, carries output to the attached terminal (held until it attaches), and closes', async () => {
    const session = await stores.sessions.getState().open({
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
    });
    const tab = () => stores.sessions.getState().tabs.find((t) => t.session.id === session.id);
    expect(stores.sessions.getState().activeId).toBe(session.id);
    await waitFor(() => tab()?.session.state === 'open');
    expect(selectLiveCount(stores.sessions.getState())).toBe(1);

    stores.terminal.input(session.id, 'echo kanal-$((20+3))\n');
    await new Promise((r) => setTimeout(r, 300));
    // Attached late: what came meanwhile is handed over first, in order.
    let seen = '';
    const decoder = new TextDecoder();
    const detach = stores.terminal.attach(session.id, (data) => {
      seen += decoder.decode(data, { stream: true });
      stores.terminal.ack(session.id, data.length);
    });
    await waitFor(() => seen.includes('kanal-23'));
    detach();

    await stores.sessions.getState().close(session.id);
    expect(tab()?.session.state).toBe('closed');
    expect(selectLiveCount(stores.sessions.getState())).toBe(0);
    // Terminal bytes never became store state.
    expect(JSON.stringify(stores.sessions.getState().tabs)).not.toContain('kanal-23');

    stores.sessions.getState().dismiss(session.id);
    expect(stores.sessions.getState().tabs).toEqual([]);
    expect(stores.sessions.getState().activeId).toBeNull();
  });

  it('a paste longer than one input call may carry arrives whole and in order', async () => {
    const session = await stores.sessions.getState().open({
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
    });
    await waitFor(() => stores.sessions.getState().tabs[0]?.session.state === 'open');
    let seen = '';
    const decoder = new TextDecoder();
    stores.terminal.attach(session.id, (data) => {
      seen += decoder.decode(data, { stream: true });
      stores.terminal.ack(session.id, data.length);
    });
    const paste = Array.from({ length: 4_000 }, (_, i) => `rad ${i}: åäö ÅÄÖ\n`).join('');
    expect(paste.length).toBeGreaterThan(65_536);
    const bytes = Buffer.from(paste, 'utf8');
    const digest = createHash('sha256').update(bytes).digest('hex');

    // Raw mode, so the tty neither edits nor echoes the paste; the sum shows it arrived byte for byte.
    await stores.terminal.input(
      session.id,
      `stty raw -echo; echo redo-$((40+2)); head -c ${bytes.length} | sha256sum; stty sane\n`,
    );
    await waitFor(() => seen.includes('redo-42'));
    await stores.terminal.input(session.id, paste);
    await waitFor(() => seen.includes(digest), 20_000);

    await stores.sessions.getState().close(session.id);
  });

  it('a blocked customer: the store passes NOT_ELIGIBLE on and opens no tab', async () => {
    const { dpas } = await call.ok('agreements.list', { customerId: prepared.customer.id });
    await call.ok('dpas.delete', { id: dpas[0]!.id });
    await expect(
      stores.sessions.getState().open({
        ticketId: prepared.ticket.id,
        environmentId: prepared.environment.id,
        kind: 'local',
      }),
    ).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    expect(stores.sessions.getState().tabs).toEqual([]);
    expect(selectCurrentPrompt(stores.sessions.getState())).toBeNull();
  });

  it('a session closed elsewhere shows as closed in its tab, and reconnects as exactly one tab in its place', async () => {
    const local = {
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
    } as const;
    const first = await stores.sessions.getState().open(local);
    const second = await stores.sessions.getState().open(local);
    const tabs = () => stores.sessions.getState().tabs;
    await waitFor(() => tabs().every((t) => t.session.state === 'open'));
    await call.ok('sessions.close', { sessionId: first.id });
    await waitFor(() => tabs()[0]?.session.state === 'closed');

    await stores.sessions.getState().reconnect(first.id);
    const renewed = tabs()[0]!.session.id;
    expect(renewed).not.toBe(first.id);
    expect(tabs().map((t) => t.session.id)).toEqual([renewed, second.id]);
    expect(stores.sessions.getState().activeId).toBe(renewed);
    await waitFor(() => tabs()[0]?.session.state === 'open');
    // Later events for the new session update its one tab, and add none.
    expect(tabs().map((t) => t.session.id)).toEqual([renewed, second.id]);

    await stores.sessions.getState().close(renewed);
    await stores.sessions.getState().close(second.id);
  });

  it('a customer blocked since the session ended: reconnect is NOT_ELIGIBLE with the blockers, and a written override (audited) opens it', async () => {
    const first = await stores.sessions.getState().open({
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
    });
    const tabs = () => stores.sessions.getState().tabs;
    await waitFor(() => tabs()[0]?.session.state === 'open');
    await stores.sessions.getState().close(first.id);
    const { dpas } = await call.ok('agreements.list', { customerId: prepared.customer.id });
    await call.ok('dpas.delete', { id: dpas[0]!.id });

    await expect(stores.sessions.getState().reconnect(first.id)).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    expect(tabs()).toHaveLength(1);
    expect(tabs()[0]!.session.id).toBe(first.id);
    expect(tabs()[0]!.reconnectBlockers?.map((b) => b.code)).toEqual(['NO_DPA']);

    // Too short a reason is refused by main as by the form, and changes nothing.
    await expect(stores.sessions.getState().reconnect(first.id, 'Brådis')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(tabs()[0]!.session.id).toBe(first.id);
    expect(tabs()[0]!.reconnectBlockers?.map((b) => b.code)).toEqual(['NO_DPA']);

    const reason = 'Skolstart i morgon; rektor har godkänt, nytt PUB-avtal på väg.';
    await stores.sessions.getState().reconnect(first.id, reason);
    const renewed = tabs()[0]!;
    expect(tabs()).toHaveLength(1);
    expect(renewed.session.id).not.toBe(first.id);
    expect(renewed.session.overridden).toBe(true);
    expect(renewed.reconnectBlockers).toBeUndefined();
    expect(stores.sessions.getState().activeId).toBe(renewed.session.id);
    await waitFor(() => tabs()[0]?.session.state === 'open');

    const overrides = await call.ok('audit.list', { event: 'eligibility.overridden' });
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      subjectType: 'session',
      subjectId: renewed.session.id,
      details: { ticketId: prepared.ticket.id, blockers: ['NO_DPA'], reason },
    });

    await stores.sessions.getState().close(renewed.session.id);
  });
});

describe('the sessions store and pre-connect commands', () => {
  it('a reconnect refused for an unapproved command keeps it on the tab; approving it there lets the reconnect run it', async () => {
    const sessions = () => stores.sessions.getState();
    const session = await sessions().open({
      ticketId: prepared.ticket.id,
      environmentId: prepared.environment.id,
      kind: 'local',
    });
    await waitFor(() => sessions().tabs[0]?.session.state === 'open');
    await sessions().close(session.id);
    // Edited (or imported) since: a command nobody approved on this machine.
    await call.ok('registry.saveEnvironment', {
      customerId: prepared.customer.id,
      id: prepared.environment.id,
      rowVersion: await storedVersion(call, prepared.customer.id, prepared.environment.id),
      environment: {
        name: 'Produktion',
        access: { vpnType: 'none', method: 'ssh', preConnectCommand: 'echo vpn-från-import' },
      },
    });

    await expect(sessions().reconnect(session.id)).rejects.toMatchObject({ code: 'COMMAND_NOT_APPROVED' });
    const command = sessions().tabs[0]!.reconnectCommand!;
    expect(command).toMatchObject({ command: 'echo vpn-från-import', approved: false });

    await sessions().loadPreConnect(prepared.customer.id);
    expect(selectPreConnect(prepared.customer.id, prepared.environment.id)(sessions())).toMatchObject({
      approved: false,
    });
    await sessions().approvePreConnect(command.environmentId, command.command);
    expect(sessions().tabs[0]!.reconnectCommand).toBeUndefined();
    expect(selectPreConnect(prepared.customer.id, prepared.environment.id)(sessions())).toMatchObject({
      approved: true,
    });

    await sessions().reconnect(session.id, null, true);
    const again = sessions().tabs[0]!.session;
    expect(again.id).not.toBe(session.id);
    await waitFor(() => sessions().tabs[0]?.session.state === 'open');
    await sessions().close(again.id);
    expect(await call.ok('audit.list', { event: 'preconnect.ran' })).toEqual([
      expect.objectContaining({ subjectId: again.id, details: expect.objectContaining({ exitCode: 0 }) }),
    ]);
  });
});
