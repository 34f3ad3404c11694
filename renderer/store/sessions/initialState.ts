import type { RecordingView, SessionPrompt, SessionView } from '../../../common/sessions/model.ts';

export interface SessionTab {
  session: SessionView;
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
}

export const initialSessionsState: SessionsState = {
  tabs: [],
  activeId: null,
  prompts: [],
  recordings: [],
  recordingsStatus: 'idle',
  recordingsError: null,
};
