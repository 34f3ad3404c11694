import { createStore } from 'zustand/vanilla';
import type { SessionsService } from '../../services/sessionsService.ts';
import { createSessionsActions, type SessionsStore } from './action.ts';
import { initialSessionsState } from './initialState.ts';

/** The technician's terminal tabs and the questions sessions ask; terminal bytes never come through here. */
export function createSessionsStore(service: SessionsService) {
  return createStore<SessionsStore>()((...args) => ({
    ...initialSessionsState,
    ...createSessionsActions(service)(...args),
  }));
}

export type SessionsStoreApi = ReturnType<typeof createSessionsStore>;
