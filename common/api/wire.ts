import { z } from 'zod';
import type { EventName, EventPayload } from './contract.ts';
import type { Result } from './errors.ts';
import { lazily } from './lazySchema.ts';

/*
 * What travels on a transport. The browser-mode WebSocket sends these as JSON text frames; Electron IPC carries the
 * same `call` through `ipcRenderer.invoke` and pushes `event` messages on one channel. Terminal output and
 * acknowledgements travel apart from these: binary frames on the WebSocket (terminalFrame.ts), their own IPC channel.
 */

export const callMessageSchema = lazily(() =>
  z
    .object({
      type: z.literal('call'),
      id: z.number().int().nonnegative(),
      method: z.string().max(100),
      input: z.unknown(),
    })
    .strict(),
);
export type CallMessage = z.infer<typeof callMessageSchema>;

export interface ResultMessage {
  type: 'result';
  id: number;
  result: Result<unknown>;
}

export interface EventMessage<E extends EventName = EventName> {
  type: 'event';
  event: E;
  payload: EventPayload<E>;
}

export type ServerMessage = ResultMessage | EventMessage;

/** What the Electron preload exposes on `window.lotsen`: one narrow object, no Node. */
export interface LotsenBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (message: EventMessage) => void): () => void;
  /** A terminal acknowledgement, one way (`ipcRenderer.send`): nothing answers it. */
  acknowledge(sessionId: string, bytes: number): void;
}

export const IPC_CALL_CHANNEL = 'lotsen:call';
export const IPC_EVENT_CHANNEL = 'lotsen:event';
/** Terminal acknowledgements from the page, `{ sessionId, bytes }` each: the API's OneWayMethod `sessions.ack`. */
export const IPC_ACK_CHANNEL = 'lotsen:ack';

/**
 * The close code browser mode sends when a person's session ends (after inactivity, or because the store was locked).
 * The close reason is the sentence to show; the app stops reconnecting, because only a fresh link from `lotsen serve`
 * opens a new session.
 */
export const SESSION_ENDED_CLOSE_CODE = 4001;
