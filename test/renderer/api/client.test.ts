import { afterEach, describe, expect, it } from 'vitest';
import { LotsenError } from '../../../common/api/errors.ts';
import { createApiClient } from '../../../renderer/api/client.ts';
import { createWebSocketTransport } from '../../../renderer/api/webSocketTransport.ts';
import { nodeSocket, startTestServer, waitFor, type TestServer } from '../support/wsServer.ts';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function clientFor(onCall: NonNullable<Parameters<typeof startTestServer>[0]>['onCall']) {
  const server: TestServer = await startTestServer({ onCall });
  const transport = createWebSocketTransport({ url: server.url, createSocket: nodeSocket });
  stop = async () => {
    transport.close();
    await server.stop();
  };
  return { api: createApiClient(transport), server };
}

describe('API client', () => {
  it('resolves with the output and throws a LotsenError with code and field issues on failure', async () => {
    const { api } = await clientFor((call, socket, srv) => {
      if (call.method === 'registry.listCustomers') {
        srv.send(socket, { type: 'result', id: call.id, result: { ok: true, value: [] } });
      } else {
        srv.send(socket, {
          type: 'result',
          id: call.id,
          result: {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: 'One field is not valid.',
              details: {
                issues: [{ path: 'orgNumber', message: 'not a valid Swedish organisation number' }],
              },
            },
          },
        });
      }
    });
    await expect(api.call('registry.listCustomers', {})).resolves.toEqual([]);
    const error = await api
      .call('registry.createCustomer', { name: 'Växjö kommun', orgNumber: '1', kind: 'municipality' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LotsenError);
    expect((error as LotsenError).code).toBe('VALIDATION');
    expect((error as LotsenError).details?.issues?.[0]?.path).toBe('orgNumber');
  });

  it('delivers only the subscribed event', async () => {
    const { api, server } = await clientFor(() => undefined);
    const changes: unknown[] = [];
    api.subscribe('registry.changed', (payload) => changes.push(payload));
    await waitFor(() => api.connection === 'open' && server.sockets.length === 1);
    const socket = server.sockets[0]!;
    server.send(socket, {
      type: 'event',
      event: 'app.statusChanged',
      payload: {
        state: 'locked',
        keyStore: 'passphrase',
        user: null,
        principal: null,
        dataDir: '/tmp/x',
        database: { state: 'embedded', since: null },
      },
    });
    server.send(socket, { type: 'event', event: 'registry.changed', payload: { customerId: null } });
    await waitFor(() => changes.length === 1);
    expect(changes).toEqual([{ customerId: null }]);
  });
});
