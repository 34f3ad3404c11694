import { createStore } from 'zustand/vanilla';
import type { AppService } from '../../services/appService.ts';
import { createAppActions, type AppStore } from './action.ts';
import { initialAppState } from './initialState.ts';

/** The app's own state: set-up/locked/unlocked, who is at the console, and the connection to main. */
export function createAppStore(service: AppService) {
  return createStore<AppStore>()((...a) => ({ ...initialAppState, ...createAppActions(service)(...a) }));
}

export type AppStoreApi = ReturnType<typeof createAppStore>;
