import type { EventPayload, MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

/** Billing months per customer, approval, the 12-month history and the finance export. */
export function createBillingService(api: ApiClient) {
  return {
    monthSummary: (month: string) => api.call('billing.monthSummary', { month }),
    billedHours: (endMonth: string) => api.call('billing.billedHours', { endMonth }),
    approveMonth: (month: string, customerId: string) =>
      api.call('billing.approveMonth', { month, customerId }),
    export: (input: MethodInput<'billing.export'>) => api.call('billing.export', input),
    priceList: () => api.call('settings.priceList', {}),
    savePriceList: (prices: MethodInput<'settings.savePriceList'>) =>
      api.call('settings.savePriceList', prices),
    /** Approvals and adjustments, and any change to time (which moves an open month's figures). */
    onChanged: (listener: () => void) => {
      const stops = [
        api.subscribe('billing.changed', listener),
        api.subscribe('tickets.changed', listener),
        api.subscribe('registry.changed', listener),
      ];
      return () => stops.forEach((stop) => stop());
    },
    onExportProgress: (listener: (progress: EventPayload<'billing.exportProgress'>) => void) =>
      api.subscribe('billing.exportProgress', listener),
  };
}

export type BillingService = ReturnType<typeof createBillingService>;
