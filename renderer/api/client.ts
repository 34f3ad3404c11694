import type {
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../common/api/contract.ts';
import { LotsenError } from '../../common/api/errors.ts';
import type { ConnectionState, Transport } from './transport.ts';

/** The renderer's only way to main. Types come from the contract, so a renamed method breaks the build here. */
export interface ApiClient {
  /** Resolves with the method's output, or throws a LotsenError carrying the API's code, message and details. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** `sessions.ack` one way: the terminal has drawn this many bytes; nothing answers (Transport.acknowledge). */
  acknowledge(sessionId: string, bytes: number): void;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  readonly connection: ConnectionState;
  readonly endedBecause: string | null;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const result = await transport.call(method, input);
      if (!result.ok) throw LotsenError.fromApiError(result.error);
      // Main checked the output against the contract before sending it.
      return result.value as MethodOutput<typeof method>;
    },
    acknowledge: (sessionId, bytes) => transport.acknowledge(sessionId, bytes),
    subscribe(event, listener) {
      return transport.onEvent((message) => {
        if (message.event === event) listener(message.payload as EventPayload<typeof event>);
      });
    },
    get connection() {
      return transport.connection;
    },
    get endedBecause() {
      return transport.endedBecause;
    },
    onConnectionChange: (listener) => transport.onConnectionChange(listener),
  };
}
