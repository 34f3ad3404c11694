import type { AppStatus } from '../../../common/api/contract.ts';
import type { ConnectionState } from '../../api/transport.ts';

export interface AppState {
  /** Null until main has answered once. */
  status: AppStatus | null;
  connection: ConnectionState;
  /** Why the status could not be read, when it could not. */
  statusError: string | null;
}

export const initialAppState: AppState = {
  status: null,
  connection: 'connecting',
  statusError: null,
};
