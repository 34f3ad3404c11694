import { liveSessionStates, type RecordingView, type SessionPrompt } from '../../../common/sessions/model.ts';
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

const listedMemo = new WeakMap<RecordingView[], RecordingView[]>();

/**
 * The recordings worth listing: not the empty ones of sessions that ended before the server sent a byte (a refused
 * key, an unreachable host), which have nothing to play. Remembered per list: React needs the same array back.
 */
export function selectListedRecordings(state: SessionsState): RecordingView[] {
  let listed = listedMemo.get(state.recordings);
  if (!listed) {
    listed = state.recordings.filter((r) => r.bytes > 0 || r.endedAt === null);
    listedMemo.set(state.recordings, listed);
  }
  return listed;
}
