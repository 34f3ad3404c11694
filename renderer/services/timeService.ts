import type { MethodInput } from '../../common/api/contract.ts';
import type { TimeEntryView } from '../../common/time/model.ts';
import { timeEntryPages } from '../../common/time/timePages.ts';
import type { ApiClient } from '../api/client.ts';

/** Timers, time entries and their classification, as the timesheet and the timer chip use them. */
export function createTimeService(api: ApiClient) {
  return {
    runningTimer: () => api.call('time.runningTimer', {}),
    startTimer: (ticketId: string) => api.call('time.startTimer', { ticketId, note: '' }),
    stopTimer: () => api.call('time.stopTimer', {}),
    /** Every entry started in [from, to) (a week: few enough to hold), read page by page. */
    async list(from: number, to: number): Promise<TimeEntryView[]> {
      const entries: TimeEntryView[] = [];
      for await (const page of timeEntryPages((input) => api.call('time.list', input), { from, to })) {
        entries.push(...page);
      }
      return entries;
    },
    addManual: (input: MethodInput<'time.addManual'>) => api.call('time.addManual', input),
    classify: (input: MethodInput<'time.classify'>) => api.call('time.classify', input),
    remove: (id: string) => api.call('time.delete', { id }),
    addAdjustment: (input: MethodInput<'billing.addAdjustment'>) => api.call('billing.addAdjustment', input),
    /** Tickets a timer or a manual entry can go on. */
    openTickets: () => api.call('tickets.list', { openOnly: true }),
    /** Main announces every change to time (timers, entries, classification) as a change to its ticket. */
    onChanged: (listener: () => void) => {
      const stopTickets = api.subscribe('tickets.changed', listener);
      const stopBilling = api.subscribe('billing.changed', listener);
      return () => {
        stopTickets();
        stopBilling();
      };
    },
  };
}

export type TimeService = ReturnType<typeof createTimeService>;
