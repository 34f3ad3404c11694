import type { EventMessage } from '../../common/api/wire.ts';
import type { Result } from '../../common/api/errors.ts';

/** `reconnecting` means the link dropped and the transport is trying again; calls fail fast until it is back. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/**
 * What the API client needs from a way of reaching main. Electron IPC and the browser-mode WebSocket both fit it, so
 * nothing above this line knows which one is in use.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
  readonly connection: ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
