import type { TimeEntryView } from '../../../../../common/time/model.ts';

export interface TimerState {
  /** The local user's running timer, wherever it was started (this window, another, the CLI). */
  running: TimeEntryView | null;
  /** The clock the chip's elapsed time is read against; it ticks each second while a timer runs. */
  timerNow: number;
  timerError: string | null;
  /** A start or stop is on its way: the buttons wait for it. */
  timerBusy: boolean;
}

export const initialTimerState: TimerState = {
  running: null,
  timerNow: Date.now(),
  timerError: null,
  timerBusy: false,
};
