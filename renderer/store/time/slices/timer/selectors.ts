import type { TimerState } from './initialState.ts';

/** Whole seconds the running timer has run at the store's clock (0 when none runs). */
export function selectTimerElapsed(state: Pick<TimerState, 'running' | 'timerNow'>): number {
  if (state.running === null) return 0;
  return Math.max(0, Math.floor((state.timerNow - state.running.startedAt) / 1000));
}

export function selectRunningTicketId(state: Pick<TimerState, 'running'>): string | null {
  return state.running?.ticketId ?? null;
}
