import { encodeTerminalFrame } from '../../../common/api/terminalFrame.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionState, Transport } from '../../../renderer/api/transport.ts';
import { apiSocketUrl, createWebSocketTransport } from '../../../renderer/api/webSocketTransport.ts';
import { SESSION_ENDED_CLOSE_CODE, type EventMessage } from '../../../common/api/wire.ts';
import { nodeSocket, startTestServer, waitFor, type TestServer } from '../support/wsServer.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function transportFor(server: TestServer, backoff = { initialMs: 20, maxMs: 200 }): Transport {
  const transport = createWebSocketTransport({ url: server.url, createSocket: nodeSocket, backoff });
  cleanups.push(() => transport.close());
  return transport;
}

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const s = await startTestServer(options);
  cleanups.push(() => s.stop());
  return s;
}

function recordStates(transport: Transport): ConnectionState[] {
  const states: ConnectionState[] = [];
  transport.onConnectionChange((state) => states.push(state));
  return states;
}

describe('WebSocket transport', () => {
  it('matches each answer to its call by id, whatever order the answers come in', async () => {
    const s = await server({
      onCall: (_call, socket, srv) => {
        // Hold the first two calls and answer them in reverse once the third arrives.
        if (srv.calls.length < 3) return;
        for (const c of [...srv.calls].reverse()) {
          srv.send(socket, {
            type: 'result',
            id: c.id,
            result: { ok: true, value: { echo: c.method, input: c.input } },
          });
        }
      },
    });
    const transport = transportFor(s);
    const results = await Promise.all([
      transport.call('first', { n: 1 }),
      transport.call('second', { n: 2 }),
      transport.call('third', { n: 'Växjö' }),
    ]);
    expect(results).toEqual([
      { ok: true, value: { echo: 'first', input: { n: 1 } } },
      { ok: true, value: { echo: 'second', input: { n: 2 } } },
      { ok: true, value: { echo: 'third', input: { n: 'Växjö' } } },
    ]);
    expect(new Set(s.calls.map((c) => c.id)).size).toBe(3);
    expect(s.calls.every((c) => c.type === 'call')).toBe(true);
  });

  it('passes failures through as results and ignores answers to calls it never made', async () => {
    const s = await server({
      onCall: (call, socket, srv) => {
        srv.send(socket, { type: 'result', id: call.id + 1000, result: { ok: true, value: 'stray' } });
        srv.send(socket, {
          type: 'result',
          id: call.id,
          result: {
            ok: false,
            error: { code: 'NOT_FOUND', message: 'No such customer; it may have been deleted.' },
          },
        });
      },
    });
    const transport = transportFor(s);
    await expect(transport.call('registry.getCustomer', { id: 'x' })).resolves.toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such customer; it may have been deleted.' },
    });
  });

  it('holds calls made before the first connection and sends them once it opens', async () => {
    const s = await server({
      onCall: (call, socket, srv) =>
        srv.send(socket, { type: 'result', id: call.id, result: { ok: true, value: call.method } }),
    });
    const transport = transportFor(s);
    expect(transport.connection).toBe('connecting');
    const answer = transport.call('app.status', {});
    await expect(answer).resolves.toEqual({ ok: true, value: 'app.status' });
    expect(transport.connection).toBe('open');
  });

  it('delivers pushed events to every listener until they unsubscribe', async () => {
    const s = await server();
    const transport = transportFor(s);
    const a: EventMessage[] = [];
    const b: EventMessage[] = [];
    transport.onEvent((m) => a.push(m));
    const offB = transport.onEvent((m) => b.push(m));
    await waitFor(() => transport.connection === 'open' && s.sockets.length === 1);
    const socket = s.sockets[0]!;
    s.send(socket, { type: 'event', event: 'registry.changed', payload: { customerId: null } });
    await waitFor(() => a.length === 1 && b.length === 1);
    offB();
    s.send(socket, { type: 'event', event: 'registry.changed', payload: { customerId: null } });
    await waitFor(() => a.length === 2);
    expect(b).toHaveLength(1);
    expect(a[0]).toEqual({ type: 'event', event: 'registry.changed', payload: { customerId: null } });
  });

  it('turns binary terminal frames into terminal.output events with the bytes intact', async () => {
    const s = await server();
    const transport = transportFor(s);
    const seen: EventMessage[] = [];
    transport.onEvent((message) => seen.push(message));
    await waitFor(() => transport.connection === 'open');
    const sessionId = '5f0e3c1a-7b2d-4e9f-8a6c-1d2e3f4a5b6c';
    const data = new TextEncoder().encode('ls: åäö\r\n');
    s.sockets[0]!.send(encodeTerminalFrame(sessionId, data), { binary: true });
    s.sockets[0]!.send(new Uint8Array([9, 9, 9]), { binary: true }); // not a terminal frame: dropped
    await waitFor(() => seen.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
    const message = seen[0] as EventMessage<'terminal.output'>;
    expect(message.event).toBe('terminal.output');
    expect(message.payload.sessionId).toBe(sessionId);
    expect([...message.payload.data]).toEqual([...data]);
  });

  it('fails unanswered calls with DISCONNECTED when the link drops, then reconnects by itself', async () => {
    const s = await server({
      onCall: (call, socket, srv) => {
        if (call.method === 'never-answered') return;
        srv.send(socket, { type: 'result', id: call.id, result: { ok: true, value: 'pong' } });
      },
    });
    const transport = transportFor(s);
    const states = recordStates(transport);
    await expect(transport.call('ping', {})).resolves.toEqual({ ok: true, value: 'pong' });

    const pending = transport.call('never-answered', {});
    await waitFor(() => s.calls.length === 2);
    s.sockets[0]!.terminate();

    const result = await pending;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('DISCONNECTED');
    expect(!result.ok && result.error.message).toMatch(/connection to Lotsen was lost/);

    await waitFor(() => transport.connection === 'open' && s.sockets.length === 2);
    expect(states).toEqual(['open', 'reconnecting', 'open']);
    await expect(transport.call('ping', {})).resolves.toEqual({ ok: true, value: 'pong' });
  });

  it('fails calls at once while reconnecting, backs off with growing delays, and comes back when the server does', async () => {
    let refusing = false;
    const s = await server({
      refuse: () => refusing,
      onCall: (call, socket, srv) =>
        srv.send(socket, { type: 'result', id: call.id, result: { ok: true, value: 'pong' } }),
    });
    const transport = transportFor(s, { initialMs: 40, maxMs: 160 });
    await waitFor(() => transport.connection === 'open');

    refusing = true;
    s.attempts.length = 0;
    s.sockets[0]!.terminate();
    await waitFor(() => transport.connection === 'reconnecting');

    const whileDown = await transport.call('ping', {});
    expect(!whileDown.ok && whileDown.error.code).toBe('DISCONNECTED');
    expect(s.calls).toHaveLength(0);

    await waitFor(() => s.attempts.length >= 5);
    const gaps = s.attempts.slice(1).map((t, i) => t - s.attempts[i]!);
    // Attempt n waits 40·2^n ms (capped at 160) after the previous one failed; timers never fire early.
    expect(gaps[0]).toBeGreaterThanOrEqual(75);
    expect(gaps[1]).toBeGreaterThanOrEqual(155);
    expect(gaps[2]).toBeGreaterThanOrEqual(155);
    expect(Math.max(...gaps)).toBeLessThan(2_000);

    refusing = false;
    await waitFor(() => transport.connection === 'open');
    await expect(transport.call('ping', {})).resolves.toEqual({ ok: true, value: 'pong' });
  });

  it('fails calls made before the first connection if that connection never opens', async () => {
    const s = await server({ refuse: () => true });
    const transport = transportFor(s);
    const result = await transport.call('app.status', {});
    expect(!result.ok && result.error.code).toBe('DISCONNECTED');
    expect(transport.connection).toBe('reconnecting');
  });

  it('stops for good when closed: pending calls fail and no reconnect is attempted', async () => {
    const s = await server();
    const transport = transportFor(s);
    const pending = transport.call('never-answered', {});
    await waitFor(() => s.calls.length === 1);
    transport.close();
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('DISCONNECTED');
    const attempts = s.attempts.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(s.attempts.length).toBe(attempts);
    const after = await transport.call('ping', {});
    expect(!after.ok && after.error.code).toBe('DISCONNECTED');
  });

  it('stops for good when the server ends the session, and keeps the reason for the page to show', async () => {
    const reason = 'Your browser session ended because Lotsen was locked.';
    const s = await server();
    const transport = transportFor(s);
    const states = recordStates(transport);
    const pending = transport.call('never-answered', {});
    await waitFor(() => s.calls.length === 1);
    s.sockets[0]!.close(SESSION_ENDED_CLOSE_CODE, reason);

    const result = await pending;
    expect(!result.ok && result.error).toMatchObject({ code: 'DISCONNECTED', message: reason });
    await waitFor(() => transport.connection === 'ended');
    expect(states).toEqual(['open', 'ended']);
    expect(transport.endedBecause).toBe(reason);
    const after = await transport.call('ping', {});
    expect(!after.ok && after.error.message).toBe(reason);
    // Reconnecting would only be refused: only a new link opens a new session.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(s.attempts).toHaveLength(1);
  });

  it('addresses the API beside the page, on its host and under its path, so the session cookie goes along', () => {
    const at = (protocol: string, host: string, pathname: string) =>
      apiSocketUrl({ protocol, host, pathname });
    expect(at('http:', '127.0.0.1:41234', '/Xy-9_z/')).toBe('ws://127.0.0.1:41234/Xy-9_z/api');
    expect(at('http:', '127.0.0.1:41234', '/Xy-9_z/index.html')).toBe('ws://127.0.0.1:41234/Xy-9_z/api');
    expect(at('https:', 'lotsen.local', '/')).toBe('wss://lotsen.local/api');
  });
});
