import type pg from 'pg';
import { isLoginRefusal } from '../../team/reachability/connectionFailure.ts';
import { CHANGE_CHANNEL } from './changeChannel.ts';
import { ChangeCoalescer, parseChangeNotice } from './changeEvents.ts';
import type { ChangeFeed, ChangeSink } from './changeFeed.ts';

/** What the team database's connection is doing: listening, or lost and trying again. */
export type ListenerState = 'listening' | 'lost';

export interface TeamChangeListenerOptions {
  /** A new, unconnected client as the member (TeamStore.dedicatedClient): never one of the pool's. */
  newClient(): pg.Client;
  emit: ChangeSink;
  /** Told when the connection is lost and when it listens again (a reachability state may follow it). */
  onStateChange?(state: ListenerState): void;
  /** The first wait before connecting again, doubled per failed try up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  tickMs?: number;
}

/** The application name the listener's connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'lotsen changes';

/**
 * Holds one connection of its own open with LISTEN on `lotsen_changes`, and turns the notifications into the
 * backend's events, a tick's worth at a time. When the connection drops (a server restart, a network gone, an admin's
 * pg_terminate_backend) it tries again with a growing wait, and once listening again emits `store.resynced`:
 * notifications sent meanwhile were never delivered, so the page reloads what it shows.
 *
 * The first connection is made before this resolves (at unlock, before the page hears the store is open), so the
 * page's first load and the feed leave no gap between them; if it fails, the retries go on in the background.
 */
export async function listenForTeamChanges(options: TeamChangeListenerOptions): Promise<ChangeFeed> {
  const listener = new TeamChangeListener(options);
  await listener.start();
  return listener;
}

class TeamChangeListener implements ChangeFeed {
  private client: pg.Client | null = null;
  private closed = false;
  /** The server refused the login: no more tries. */
  private refused = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;
  private readonly coalescer: ChangeCoalescer;

  constructor(private readonly options: TeamChangeListenerOptions) {
    this.coalescer = new ChangeCoalescer(options.emit, options.tickMs);
  }

  async start(): Promise<void> {
    if (!(await this.connect())) this.scheduleRetry();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.coalescer.discard();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** One try: true once listening. */
  private async connect(): Promise<boolean> {
    const client = this.options.newClient();
    let listening = false;
    const lost = () => {
      if (!listening || this.client !== client) return;
      listening = false;
      this.client = null;
      void client.end().catch(() => undefined);
      this.coalescer.flush();
      this.options.onStateChange?.('lost');
      this.scheduleRetry();
    };
    // A dropped connection emits `error` (then `end`), or only `end`: either means the same.
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || message.payload === undefined) return;
      const notice = parseChangeNotice(message.payload);
      if (notice) this.coalescer.add(notice);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      // The login itself is refused (the member was removed, their password reissued): trying again cannot help,
      // and the pool's next query says so to the person.
      if (isLoginRefusal(error)) this.refused = true;
      return false;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return true;
    }
    listening = true;
    this.client = client;
    this.options.onStateChange?.('listening');
    return true;
  }

  private scheduleRetry(): void {
    if (this.closed || this.refused || this.retry) return;
    const first = this.options.firstRetryMs ?? 250;
    const ceiling = this.options.maxRetryMs ?? 15_000;
    const wait = Math.min(ceiling, first * 2 ** this.failures);
    // Jitter, so a team's Lotsens do not all knock at once when their server comes back.
    const delay = wait / 2 + Math.random() * (wait / 2);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect().then((ok) => {
        if (this.closed) return;
        if (!ok) {
          this.failures += 1;
          this.scheduleRetry();
          return;
        }
        this.failures = 0;
        this.options.emit({ event: 'store.resynced', payload: { reason: 'reconnected' } });
      });
    }, delay);
  }
}
