import type { EventMessage } from '../../common/api/wire.ts';
import type { Result } from '../../common/api/errors.ts';

/**
 * `reconnecting` means the link dropped and the transport is trying again; calls fail fast until it is back. `ended`
 * means the server ended this page's session (browser mode: inactivity or a lock) and only a new link opens another.
 */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'ended';

/**
 * What the API client needs from a way of reaching main. Electron IPC and the browser-mode WebSocket both fit it, so
 * nothing above this line knows which one is in use.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /**
   * The terminal has drawn this many bytes of a session's output: sent one way (the API's OneWayMethod), on the link
   * the output comes on, and nothing answers it. While the link is down it is not sent, as a call would fail.
   */
  acknowledge(sessionId: string, bytes: number): void;
  onEvent(listener: (message: EventMessage) => void): () => void;
  readonly connection: ConnectionState;
  /** Why the server ended the session, in a sentence for the person, once `connection` is `ended`; else null. */
  readonly endedBecause: string | null;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
