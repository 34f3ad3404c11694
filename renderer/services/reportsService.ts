import type { MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

/** The access report per customer, as the reports store calls it. */
export function createReportsService(api: ApiClient) {
  return {
    access: (input: MethodInput<'reports.access'>) => api.call('reports.access', input),
    exportAccess: (input: MethodInput<'reports.exportAccess'>) => api.call('reports.exportAccess', input),
    /** A session began or ended, or the registry changed: the report may have new rows. */
    onChanged: (listener: () => void) => {
      const stops = [
        api.subscribe('sessions.changed', listener),
        api.subscribe('registry.changed', listener),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
