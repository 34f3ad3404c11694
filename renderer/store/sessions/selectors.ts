import { liveSessionStates, type SessionPrompt } from '../../../common/sessions/model.ts';
import type { SessionsState, SessionTab } from './initialState.ts';

export function selectActiveTab(state: SessionsState): SessionTab | null {
  return state.tabs.find((tab) => tab.session.id === state.activeId) ?? null;
}

export function selectLiveCount(state: SessionsState): number {
  return state.tabs.filter((tab) => liveSessionStates.includes(tab.session.state)).length;
}

/** One question at a time, the oldest first. */
export function selectCurrentPrompt(state: SessionsState): SessionPrompt | null {
  return state.prompts[0] ?? null;
}
