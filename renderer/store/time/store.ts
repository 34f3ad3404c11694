import { createStore } from 'zustand/vanilla';
import type { TimeService } from '../../services/timeService.ts';
import { createTimerActions, TIMER_TICK_MS, type TimerActions } from './slices/timer/action.ts';
import { initialTimerState, type TimerState } from './slices/timer/initialState.ts';
import { createTimesheetActions, type TimesheetActions } from './slices/timesheet/action.ts';
import { initialTimesheetState, type TimesheetState } from './slices/timesheet/initialState.ts';

interface TimeLifecycle {
  /** Follows changes to time from anywhere and ticks the timer's clock; returns the function that stops both. */
  start(): () => void;
  /** Reloads the timer, and the week if it has been shown (after unlocking, or a lost connection came back). */
  refresh(): void;
  /** Forgets every entry and the running timer, e.g. when the store is locked. */
  reset(): void;
}

export type TimeStore = TimerState & TimerActions & TimesheetState & TimesheetActions & TimeLifecycle;

/** Time as a technician works with it: the running timer (always on screen) and the week's timesheet. */
export function createTimeStore(service: TimeService) {
  return createStore<TimeStore>()((set, get, api) => ({
    ...initialTimerState,
    ...initialTimesheetState(),
    ...createTimerActions(service)(set, get, api),
    ...createTimesheetActions(service)(set, get, api),
    start() {
      const stopEvents = service.onChanged(() => get().refresh());
      const clock = setInterval(() => get().tick(Date.now()), TIMER_TICK_MS);
      return () => {
        stopEvents();
        clearInterval(clock);
      };
    },
    refresh() {
      void get().loadTimer();
      if (get().sheetStatus !== 'idle') void get().loadWeek();
    },
    reset() {
      get().forgetTimer();
      get().forgetTimesheet();
    },
  }));
}

export type TimeStoreApi = ReturnType<typeof createTimeStore>;
