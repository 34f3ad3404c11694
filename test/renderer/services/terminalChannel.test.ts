import { afterEach, beforeEach, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { AckBatcher } from '../../../common/sessions/ackBatcher.ts';
import { createApi } from '../../../main/api/createApi.node.ts';
import type { Dispatcher } from '../../../main/api/dispatcher.ts';
import { FLOW_HIGH_WATERMARK_BYTES } from '../../../main/sessions/terminal/flowControl.ts';
import { startBrowserServer, type BrowserServer } from '../../../main/transport/browserServer.node.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import type { Transport } from '../../../renderer/api/transport.ts';
import { createWebSocketTransport } from '../../../renderer/api/webSocketTransport.ts';
import { createTerminalChannel } from '../../../renderer/services/terminalChannel.ts';
import { apiCaller } from '../../support/apiCaller.ts';
import { openBrowserSession } from '../../support/browserSession.ts';
import { openPassphraseBackend, type OpenedBackend } from '../../support/passphraseBackend.ts';
import { localOpenInput, prepareSessionCustomer } from '../../support/sessionCustomer.ts';
import { waitFor } from '../support/wsServer.ts';

/*
 * The renderer's terminal channel over browser mode's real transport and a real `lotsen serve`: what the terminal
 * has drawn goes back one way, and that alone carries a session's output past flow control's window.
 */

const SESSIONS = { shell: '/bin/sh' };
const FLOOD_BYTES = 1_000_000;

let local: OpenedBackend;
let server: BrowserServer;
let transport: Transport;
/** What reached the server's dispatcher: calls by method, and one-way messages. */
let calls: string[];
let oneWay: string[];

beforeEach(async () => {
  local = await openPassphraseBackend({ source: 'embedded' });
  const api = createApi(local.backend, () => undefined, SESSIONS);
  calls = [];
  oneWay = [];
  const watched: Dispatcher = {
    dispatch: (method, input) => {
      calls.push(String(method));
      return api.dispatch(method, input);
    },
    notify: (method, input) => {
      oneWay.push(method);
      return api.notify(method, input);
    },
  };
  server = await startBrowserServer({ api: watched, backend: local.backend, staticDir: '/nonexistent' });
  const page = await openBrowserSession(server.url);
  transport = createWebSocketTransport({
    url: page.socketUrl,
    createSocket: (url) =>
      new NodeWebSocket(url, {
        origin: page.origin,
        headers: { Cookie: page.cookie },
      }) as unknown as WebSocket,
  });
});

afterEach(async () => {
  transport?.close();
  await server?.close();
  await local?.cleanup();
});

it("acknowledges what the terminal drew one way, and the session's output runs through flow control", async () => {
  const api = createApiClient(transport);
  const channel = createTerminalChannel(api);
  const prepared = await prepareSessionCustomer(
    apiCaller(createApi(local.backend, () => undefined, SESSIONS)),
    {
      host: '127.0.0.1',
      port: 22,
      username: 'ingen',
      secret: 'x',
    },
  );
  const session = await api.call('sessions.open', localOpenInput(prepared, { runPreConnect: false }));
  let drawn = 0;
  // Drawn at once, as xterm's write callback would say, and acknowledged through the channel in the terminal's steps.
  const acks = new AckBatcher((bytes) => channel.ack(session.id, bytes));
  channel.attach(session.id, (data) => {
    drawn += data.length;
    acks.drawn(data.length);
  });
  await channel.input(
    session.id,
    `head -c ${FLOOD_BYTES} /dev/zero | tr '\\0' x; echo; echo klar-$((6*7))\n`,
  );
  await waitFor(() => drawn > FLOOD_BYTES, 20_000);
  await api.call('sessions.close', { sessionId: session.id });

  // Ten times the window passed, which takes at least one acknowledgement per window; not one went as a call.
  expect(oneWay.length).toBeGreaterThanOrEqual(FLOOD_BYTES / FLOW_HIGH_WATERMARK_BYTES - 1);
  expect(new Set(oneWay)).toEqual(new Set(['sessions.ack']));
  expect(calls).not.toContain('sessions.ack');
  expect(calls).toContain('sessions.input');
});
