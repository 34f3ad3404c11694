import type { StateCreator } from 'zustand/vanilla';
import type { AccessExportResult } from '../../../common/reports/accessReport.ts';
import type { ReportsService } from '../../services/reportsService.ts';
import { monthOf, shiftMonth } from '../billing/months.ts';
import { errorMessage } from '../errorMessage.ts';
import { initialReportsState, type ReportsState } from './initialState.ts';
import { monthPeriod } from './selectors.ts';

export interface ReportsActions {
  /** Shows the customer's report for this month (or the month already chosen, for the same customer). */
  open(customerId: string): Promise<void>;
  stepMonth(delta: number): Promise<void>;
  thisMonth(): Promise<void>;
  load(): Promise<void>;
  /** The CSV of the month shown (audited in main); null when it failed, with `exportError` saying why. */
  exportCsv(): Promise<AccessExportResult | null>;
  close(): void;
  start(): () => void;
}

export type ReportsStore = ReportsState & ReportsActions;

export const createReportsActions =
  (
    service: ReportsService,
    now: () => number = Date.now,
  ): StateCreator<ReportsStore, [], [], ReportsActions> =>
  (set, get) => {
    let latest = 0;
    const setMonth = async (month: string) => {
      set({ month, exportError: null });
      await get().load();
    };
    return {
      async open(customerId) {
        if (get().customerId !== customerId) {
          set({ ...initialReportsState, customerId, month: monthOf(now()) });
        }
        await get().load();
      },
      stepMonth: (delta) => setMonth(shiftMonth(get().month ?? monthOf(now()), delta)),
      thisMonth: () => setMonth(monthOf(now())),
      async load() {
        const { customerId, month } = get();
        if (customerId === null || month === null) return;
        const request = ++latest;
        set({ status: 'loading' });
        try {
          const report = await service.access({ customerId, ...monthPeriod(month) });
          if (request === latest) set({ report, status: 'ready', error: null });
        } catch (error) {
          if (request === latest) set({ status: 'error', error: errorMessage(error) });
        }
      },
      async exportCsv() {
        const { customerId, month } = get();
        if (customerId === null || month === null) return null;
        set({ exporting: true, exportError: null });
        try {
          const result = await service.exportAccess({ customerId, ...monthPeriod(month) });
          set({ exporting: false });
          // The export is audited, so this month's report now lists it.
          void get().load();
          return result;
        } catch (error) {
          set({ exporting: false, exportError: errorMessage(error) });
          return null;
        }
      },
      close() {
        latest++;
        set({ ...initialReportsState });
      },
      start() {
        return service.onChanged(() => {
          if (get().customerId !== null) void get().load();
        });
      },
    };
  };
