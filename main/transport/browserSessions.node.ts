import type { WebSocket } from 'ws';
import { SESSION_ENDED_CLOSE_CODE } from '../../common/api/wire.ts';
import { createSecret, secretDigest, tokenMatches } from './accessToken.node.ts';

/*
 * Browser mode's sessions. A link `lotsen serve` prints carries a token that opens exactly one session: a replayed
 * link (from the terminal's scrollback, a shell history, a screenshot) opens nothing. A session ends after a spell
 * without activity and when the store is locked; its open WebSockets are then closed with a reason the app shows,
 * and its cookie opens nothing more. Getting back in takes a fresh link from the terminal.
 */

export const DEFAULT_IDLE_TIMEOUT_MS = 30 * 60_000;

export type SessionEnd = 'idle' | 'locked';

export type LinkExchange = { kind: 'opened'; secret: string } | { kind: 'used' } | { kind: 'wrong' };

export type SessionLookup =
  { kind: 'active'; session: BrowserSession } | { kind: 'ended'; reason: string } | { kind: 'none' };

/** Ended sessions are remembered only so a returning page can be told why; this many is plenty for that. */
const ENDED_KEPT = 100;

export class BrowserSession {
  ended: string | null = null;
  private lastActive = performance.now();
  private readonly sockets = new Set<WebSocket>();
  private timer: NodeJS.Timeout | null = null;

  /** A call, an acknowledgement of terminal output or a page load: the session lives another idle spell from now. */
  touch(): void {
    this.lastActive = performance.now();
  }

  /** The socket is closed when the session ends. */
  attach(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Checks lazily: touching only moves a timestamp, and the timer, when it fires early, waits for the rest. */
  watchIdle(idleTimeoutMs: number, onIdle: () => void): void {
    const check = () => {
      const left = this.lastActive + idleTimeoutMs - performance.now();
      if (left > 0) this.timer = setTimeout(check, left).unref();
      else onIdle();
    };
    this.timer = setTimeout(check, idleTimeoutMs).unref();
  }

  end(reason: string): void {
    this.ended = reason;
    this.stopWatching();
    for (const socket of this.sockets) socket.close(SESSION_ENDED_CLOSE_CODE, reason);
    this.sockets.clear();
  }

  stopWatching(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

export interface BrowserSessionsOptions {
  idleTimeoutMs: number;
  /** Called with the reason each time a session ends, for `lotsen serve` to say what to do next. */
  onEnded?: (reason: string) => void;
}

export class BrowserSessions {
  private link: string | null = null;
  private readonly usedLinks = new Set<string>();
  private readonly sessions = new Map<string, BrowserSession>();

  constructor(private readonly options: BrowserSessionsOptions) {}

  /** A fresh single-use link token; an earlier one not yet used stops working, so only one is ever out. */
  issueLink(): string {
    this.link = createSecret();
    return this.link;
  }

  exchange(token: string): LinkExchange {
    if (this.link === null || !tokenMatches(token, this.link)) {
      return this.usedLinks.has(secretDigest(token)) ? { kind: 'used' } : { kind: 'wrong' };
    }
    this.usedLinks.add(secretDigest(this.link));
    this.link = null;
    const secret = createSecret();
    const session = new BrowserSession();
    this.sessions.set(secretDigest(secret), session);
    session.watchIdle(this.options.idleTimeoutMs, () => this.end(session, 'idle'));
    return { kind: 'opened', secret };
  }

  /** The live session among the secrets a request carries; failing that, why the one it had ended. */
  lookup(secrets: readonly string[]): SessionLookup {
    const found = secrets.map((secret) => this.sessions.get(secretDigest(secret)));
    const active = found.find((session) => session !== undefined && session.ended === null);
    if (active) return { kind: 'active', session: active };
    const ended = found.find((session) => session?.ended);
    return ended ? { kind: 'ended', reason: ended.ended! } : { kind: 'none' };
  }

  endAll(why: SessionEnd): void {
    for (const session of this.sessions.values()) if (session.ended === null) this.end(session, why);
  }

  close(): void {
    for (const session of this.sessions.values()) session.stopWatching();
  }

  private end(session: BrowserSession, why: SessionEnd): void {
    const reason = endReason(why, this.options.idleTimeoutMs);
    session.end(reason);
    this.forgetOldEnded();
    this.options.onEnded?.(reason);
  }

  private forgetOldEnded(): void {
    let ended = [...this.sessions.values()].filter((session) => session.ended !== null).length;
    for (const [digest, session] of this.sessions) {
      if (ended <= ENDED_KEPT) return;
      if (session.ended === null) continue;
      this.sessions.delete(digest);
      ended -= 1;
    }
  }
}

/** Short enough for a WebSocket close reason (123 bytes), which is how an open page learns it. */
function endReason(why: SessionEnd, idleTimeoutMs: number): string {
  if (why === 'locked') return 'Your browser session ended because Lotsen was locked.';
  return `Your browser session ended after ${spell(idleTimeoutMs)} without activity.`;
}

function spell(ms: number): string {
  if (ms >= 60_000) {
    const minutes = Math.round(ms / 60_000);
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
