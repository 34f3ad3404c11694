import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput } from '../../../../../common/api/contract.ts';
import type { AdjustmentView } from '../../../../../common/billing/model.ts';
import type { TimeEntryView } from '../../../../../common/time/model.ts';
import type { TimeService } from '../../../../services/timeService.ts';
import { errorMessage } from '../../../errorMessage.ts';
import type { TimeStore } from '../../store.ts';
import { initialTimesheetState } from './initialState.ts';
import { shiftWeek, weekRange, weekStartOf } from '../../week.ts';

export interface TimesheetActions {
  /** Loads the week shown (and the tickets for the pickers). */
  loadWeek(): Promise<void>;
  /**
   * The timesheet page opens: the first time, on the week that holds `now` (the store was made when the app started,
   * which may have been weeks ago); later, on the week last shown, reloaded.
   */
  openTimesheet(now?: number): void;
  showWeek(weekStart: string): void;
  /** One week back (-1) or on (+1). */
  stepWeek(delta: number): void;
  showThisWeek(): void;
  setTechnician(technicianId: string | null): void;
  /** Adds time typed in afterwards, and shows the week it went into. */
  addManual(input: MethodInput<'time.addManual'>): Promise<TimeEntryView>;
  classify(input: MethodInput<'time.classify'>): Promise<TimeEntryView>;
  removeEntry(id: string): Promise<void>;
  /** A correction of a locked entry, billed in the next open month. */
  addAdjustment(input: MethodInput<'billing.addAdjustment'>): Promise<AdjustmentView>;
  /** Drops the week and any answer still on its way. */
  forgetTimesheet(): void;
}

export const createTimesheetActions = (
  service: TimeService,
): StateCreator<TimeStore, [], [], TimesheetActions> => {
  // Weeks can be stepped through faster than they load; only the newest answer may write.
  let latest = 0;
  return (set, get) => {
    const reloadAfter = async <T>(work: Promise<T>): Promise<T> => {
      const result = await work;
      await get().loadWeek();
      return result;
    };
    return {
      async loadWeek() {
        const request = ++latest;
        const { weekStart } = get();
        if (get().sheetStatus !== 'ready') set({ sheetStatus: 'loading' });
        try {
          const { from, to } = weekRange(weekStart);
          const [entries, tickets] = await Promise.all([service.list(from, to), service.openTickets()]);
          if (request === latest) set({ entries, tickets, sheetStatus: 'ready', sheetError: null });
        } catch (error) {
          if (request === latest)
            set({
              sheetStatus: get().sheetStatus === 'ready' ? 'ready' : 'error',
              sheetError: errorMessage(error),
            });
        }
      },
      openTimesheet(now = Date.now()) {
        if (get().sheetStatus === 'idle') get().showWeek(weekStartOf(now));
        else void get().loadWeek();
      },
      showWeek(weekStart) {
        if (weekStart === get().weekStart && get().sheetStatus !== 'idle') return;
        // The old week's rows go at once, so they are never shown under the new week's heading.
        set({ weekStart, entries: [], sheetStatus: 'loading' });
        void get().loadWeek();
      },
      stepWeek(delta) {
        get().showWeek(shiftWeek(get().weekStart, delta));
      },
      showThisWeek() {
        get().showWeek(weekStartOf(Date.now()));
      },
      setTechnician(technicianId) {
        set({ technicianId });
      },
      async addManual(input) {
        const entry = await service.addManual(input);
        // Time typed in for another week is shown where it went.
        const week = weekStartOf(entry.startedAt);
        if (week !== get().weekStart) get().showWeek(week);
        else await get().loadWeek();
        return entry;
      },
      classify: (input) => reloadAfter(service.classify(input)),
      async removeEntry(id) {
        await reloadAfter(service.remove(id));
      },
      addAdjustment: (input) => reloadAfter(service.addAdjustment(input)),
      forgetTimesheet() {
        latest++;
        set(initialTimesheetState());
      },
    };
  };
};
