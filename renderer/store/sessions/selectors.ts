import { liveSessionStates, type SessionPrompt } from '../../../common/sessions/model.ts';
import type { PreConnectCommandView } from '../../../common/sessions/preConnect.ts';
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

/**
 * An environment's pre-connect command as last read for its customer: null when it has none, undefined while the
 * customer's commands were not read yet.
 */
export const selectPreConnect =
  (customerId: string, environmentId: string) =>
  (state: SessionsState): PreConnectCommandView | null | undefined => {
    const commands = state.preConnect[customerId];
    return commands && (commands.find((c) => c.environmentId === environmentId) ?? null);
  };
