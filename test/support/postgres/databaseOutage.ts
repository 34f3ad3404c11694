import { createConnection, createServer, type Socket } from 'node:net';
import { runPostgres } from './testDatabases.ts';

/**
 * How the team database goes away in a test, without stopping the run's PostgreSQL that every other test file
 * shares: a loopback TCP proxy in front of it, which a member's Lotsen connects to instead.
 * - `refuse`: open connections are torn down and new ones closed at once, as when the server restarts;
 * - `blackhole`: open connections are torn down and new ones accepted but never answered, as behind a full-tunnel
 *   VPN that swallows the packets (a client only finds out by its own timeout).
 */
export type OutageKind = 'refuse' | 'blackhole';

export interface DatabaseOutage {
  /** The proxy's port on 127.0.0.1: give it to the member's data source instead of the server's. */
  readonly port: number;
  /** The database goes away now. */
  cut(kind?: OutageKind): void;
  /** The database is back: new connections reach it again (clients must reconnect; old ones stay gone). */
  restore(): void;
  readonly isCut: boolean;
  /** How many connections reached the server through the proxy so far. */
  readonly connectionsForwarded: number;
  close(): Promise<void>;
}

export async function startDatabaseOutage(target = { port: runPostgres().port }): Promise<DatabaseOutage> {
  const open = new Set<Socket>();
  let outage: OutageKind | null = null;
  let forwarded = 0;

  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    if (outage === 'refuse') {
      client.destroy();
      return;
    }
    if (outage === 'blackhole') return; // Held, unanswered, until restore() or cut() tears it down.
    forwarded += 1;
    const upstream = createConnection({ host: '127.0.0.1', port: target.port });
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The outage proxy has no TCP port');

  const tearDown = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    port: address.port,
    cut(kind: OutageKind = 'refuse') {
      outage = kind;
      tearDown();
    },
    restore() {
      // Connections held by a blackhole were never answered: the clients waiting on them see them end.
      if (outage === 'blackhole') tearDown();
      outage = null;
    },
    get isCut() {
      return outage !== null;
    },
    get connectionsForwarded() {
      return forwarded;
    },
    async close() {
      tearDown();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
