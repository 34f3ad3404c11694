import { createStore } from 'zustand/vanilla';
import type { TeamService } from '../../services/teamService.ts';
import { createTeamActions, type TeamStore } from './action.ts';
import { initialTeamState } from './initialState.ts';

/** The team page's state: the members an admin manages, or that this Lotsen is in no team. */
export function createTeamStore(service: TeamService) {
  return createStore<TeamStore>()((...args) => ({
    ...initialTeamState,
    ...createTeamActions(service)(...args),
  }));
}

export type TeamStoreApi = ReturnType<typeof createTeamStore>;
