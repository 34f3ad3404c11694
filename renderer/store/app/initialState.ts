import type { AppStatus } from '../../../common/api/contract.ts';
import type { ConnectionState } from '../../api/transport.ts';

export interface AppState {
  /** Null until main has answered once. */
  status: AppStatus | null;
  connection: ConnectionState;
  /** Browser mode: why the server ended this page's session, once it has; the page then shows only that. */
  sessionEnded: string | null;
  /** Why the status could not be read, when it could not. */
  statusError: string | null;
  /**
   * How many times main has said the store changed under the page (`store.resynced`): each one reloads what the page
   * shows, as a reconnection does (startStores).
   */
  resyncs: number;
}

export const initialAppState: AppState = {
  status: null,
  connection: 'connecting',
  sessionEnded: null,
  statusError: null,
  resyncs: 0,
};
