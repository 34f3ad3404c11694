import type { StateCreator } from 'zustand/vanilla';
import type { TimeEntryView } from '../../../../../common/time/model.ts';
import type { TimeService } from '../../../../services/timeService.ts';
import { errorCode, errorMessage } from '../../../errorMessage.ts';
import type { TimeStore } from '../../store.ts';
import { initialTimerState } from './initialState.ts';

export const TIMER_TICK_MS = 1_000;

export interface TimerActions {
  loadTimer(): Promise<void>;
  /** Starts the local user's timer on a ticket; one that runs is stopped first (by main). Rejects on failure. */
  startTimer(ticketId: string): Promise<TimeEntryView>;
  /** Stops the running timer; answers with the stopped entry (null when none ran). Rejects on failure. */
  stopTimer(): Promise<TimeEntryView | null>;
  /** Moves the clock on; the lifecycle calls it each second while a timer runs. */
  tick(now: number): void;
  /** Drops the timer and any answer still on its way. */
  forgetTimer(): void;
}

export const createTimerActions = (service: TimeService): StateCreator<TimeStore, [], [], TimerActions> => {
  let latest = 0;
  return (set, get) => {
    const settle = async <T>(work: () => Promise<T>): Promise<T> => {
      latest++;
      set({ timerBusy: true, timerError: null });
      try {
        return await work();
      } catch (error) {
        set({ timerError: errorMessage(error) });
        throw error;
      } finally {
        set({ timerBusy: false });
        void get().loadTimer();
      }
    };
    return {
      async loadTimer() {
        const request = ++latest;
        try {
          const running = await service.runningTimer();
          if (request === latest) set({ running, timerNow: Date.now() });
        } catch (error) {
          // The database banner under the top bar says this one already; beside the timer it would say it twice.
          if (request === latest && errorCode(error) !== 'DATABASE_UNREACHABLE') {
            set({ timerError: errorMessage(error) });
          }
        }
      },
      async startTimer(ticketId) {
        return settle(async () => {
          const running = await service.startTimer(ticketId);
          set({ running, timerNow: Date.now() });
          return running;
        });
      },
      async stopTimer() {
        return settle(async () => {
          const stopped = await service.stopTimer();
          set({ running: null });
          return stopped;
        });
      },
      tick(now) {
        if (get().running !== null) set({ timerNow: now });
      },
      forgetTimer() {
        latest++;
        set({ ...initialTimerState, timerNow: Date.now() });
      },
    };
  };
};
