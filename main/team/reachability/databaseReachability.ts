/**
 * Whether this Lotsen can reach its team database, and since when. Queries that fail for a connection-class reason
 * (connectionFailure.ts) turn it unreachable; any query that succeeds, or the probe, turns it back. The probe runs
 * only while unreachable: `SELECT 1` on a connection of its own with a short timeout, first after 1 s, then waiting
 * twice as long each time it fails, up to 30 s, so a long outage costs the server and the network next to nothing.
 */

export type ReachabilityState = 'reachable' | 'unreachable';

export interface ReachabilityChange {
  state: ReachabilityState;
  /** When the state began (UTC epoch ms). */
  since: number;
}

export interface ReachabilityOptions {
  /** One try to reach the database; resolves when it answered, rejects when it did not. */
  probe: () => Promise<void>;
  now?: () => number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export const FIRST_PROBE_MS = 1_000;
export const MAX_PROBE_MS = 30_000;

export class DatabaseReachability {
  private current: ReachabilityChange;
  private readonly listeners = new Set<(change: ReachabilityChange) => void>();
  private readonly probe: () => Promise<void>;
  private readonly now: () => number;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private nextRetryMs: number;
  private stopped = false;

  constructor(options: ReachabilityOptions) {
    this.probe = options.probe;
    this.now = options.now ?? Date.now;
    this.firstRetryMs = options.firstRetryMs ?? FIRST_PROBE_MS;
    this.maxRetryMs = options.maxRetryMs ?? MAX_PROBE_MS;
    this.nextRetryMs = this.firstRetryMs;
    this.current = { state: 'reachable', since: this.now() };
  }

  get state(): ReachabilityState {
    return this.current.state;
  }

  /** The state and when it began. */
  snapshot(): ReachabilityChange {
    return { ...this.current };
  }

  /** Called with each change of state; returns a function that stops the calls. */
  onChange(listener: (change: ReachabilityChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A query (or the change feed's listener) lost the database for a connection-class reason. */
  lost(): void {
    if (this.stopped || this.current.state === 'unreachable') return;
    this.set('unreachable');
    this.nextRetryMs = this.firstRetryMs;
    this.scheduleProbe();
  }

  /** Something got an answer from the database: it is there. */
  reached(): void {
    if (this.stopped || this.current.state === 'reachable') return;
    this.cancelProbe();
    this.set('reachable');
  }

  /** The store closes: no more probes, no more changes. */
  stop(): void {
    this.stopped = true;
    this.cancelProbe();
    this.listeners.clear();
  }

  private set(state: ReachabilityState): void {
    this.current = { state, since: this.now() };
    const change = this.snapshot();
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error(
          'lotsen: a reachability listener failed:',
          error instanceof Error ? error.message : 'unknown',
        );
      }
    }
  }

  private scheduleProbe(): void {
    this.cancelProbe();
    const wait = this.nextRetryMs;
    this.nextRetryMs = Math.min(this.nextRetryMs * 2, this.maxRetryMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.probe().then(
        () => this.reached(),
        () => {
          if (!this.stopped && this.current.state === 'unreachable') this.scheduleProbe();
        },
      );
    }, wait);
    // A probe waiting must not keep a CLI process alive.
    this.timer.unref();
  }

  private cancelProbe(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
