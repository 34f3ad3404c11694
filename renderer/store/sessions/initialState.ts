import type { Reason } from '../../../common/agreements/verdict.ts';
import type { RecordingView, SessionPrompt, SessionView } from '../../../common/sessions/model.ts';
import type { PreConnectCommandView } from '../../../common/sessions/preConnect.ts';

export interface SessionTab {
  session: SessionView;
  /**
   * The eligibility blockers the last reconnect of this (ended) session was refused for (NOT_ELIGIBLE): only a
   * reconnect with a written override reason can pass them.
   */
  reconnectBlockers?: Reason[];
  /** The pre-connect command the last reconnect was refused for (COMMAND_NOT_APPROVED): not approved on this machine. */
  reconnectCommand?: PreConnectCommandView;
}

export interface SessionsState {
  /** Open tabs, oldest first; a tab stays after its session ends until the person dismisses it. */
  tabs: SessionTab[];
  activeId: string | null;
  /** Questions waiting for the person, oldest first. */
  prompts: SessionPrompt[];
  recordings: RecordingView[];
  recordingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  recordingsError: string | null;
  /** Each customer's pre-connect commands as last read (by customer id): whether each may run on this machine. */
  preConnect: Record<string, PreConnectCommandView[]>;
}

export const initialSessionsState: SessionsState = {
  tabs: [],
  activeId: null,
  prompts: [],
  recordings: [],
  recordingsStatus: 'idle',
  recordingsError: null,
  preConnect: {},
};
