import type { RetentionStatus } from '../../../common/retention/model.ts';

export interface RetentionState {
  /** The policy, the next purge with its preview, and the last run. */
  retention: RetentionStatus | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
}

export const initialRetentionState: RetentionState = {
  retention: null,
  status: 'idle',
  error: null,
};
