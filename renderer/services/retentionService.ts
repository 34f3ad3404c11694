import type { VersionedRetentionPolicy } from '../../common/retention/model.ts';
import type { ApiClient } from '../api/client.ts';

/** The summer purge: when it is due and what it takes, the retention policy, and running a due purge. */
export function createRetentionService(api: ApiClient) {
  return {
    status: () => api.call('retention.status', {}),
    setPolicy: (policy: VersionedRetentionPolicy) => api.call('retention.setPolicy', policy),
    purge: () => api.call('retention.purge', {}),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
