import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput, MethodOutput } from '../../../common/api/contract.ts';
import type { TeamService } from '../../services/teamService.ts';
import { errorCode, errorMessage } from '../errorMessage.ts';
import { initialTeamState, type TeamState } from './initialState.ts';

export interface TeamActions {
  load(): Promise<void>;
  /**
   * Invites a member and reloads the list. Answers with the invitation, whose enrolment code the dialog shows once and
   * the store never keeps; rejects with the API's error for the form.
   */
  addMember(input: MethodInput<'team.addMember'>): Promise<MethodOutput<'team.addMember'>>;
  /** Rejects with the API's error (the team's last admin keeps the admin right) for the dialog. */
  changeRole(input: MethodInput<'team.changeRole'>): Promise<void>;
  /** Removes the member (their login goes, their connections end); answers how many connections were ended. */
  removeMember(userId: string): Promise<number>;
  reset(): void;
}

export type TeamStore = TeamState & TeamActions;

export const createTeamActions =
  (service: TeamService): StateCreator<TeamStore, [], [], TeamActions> =>
  (set, get) => ({
    async load() {
      // A reload keeps the list on screen; only the first load says "Loading…".
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        set({ members: await service.members(), status: 'ready', error: null });
      } catch (error) {
        if (errorCode(error) === 'NOT_INITIALIZED') set({ ...initialTeamState, status: 'noTeam' });
        else set({ status: 'error', error: errorMessage(error) });
      }
    },
    async addMember(input) {
      const invitation = await service.addMember(input);
      await get().load();
      return invitation;
    },
    async changeRole(input) {
      const changed = await service.changeRole(input);
      set({ members: get().members.map((m) => (m.userId === changed.userId ? changed : m)) });
    },
    async removeMember(userId) {
      const { endedConnections } = await service.removeMember(userId);
      await get().load();
      return endedConnections;
    },
    reset() {
      set({ ...initialTeamState });
    },
  });
