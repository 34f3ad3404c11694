import type { TeamMemberView } from '../../../common/team/members.ts';

export interface TeamState {
  /** The team's current members (invited or enrolled), by name, as the team database lists them. */
  members: TeamMemberView[];
  /**
   * `noTeam`: this Lotsen works in its own embedded store, where there is no team to manage (the API answers
   * NOT_INITIALIZED); the page explains what a team is instead of showing an error.
   */
  status: 'idle' | 'loading' | 'ready' | 'noTeam' | 'error';
  error: string | null;
}

export const initialTeamState: TeamState = {
  members: [],
  status: 'idle',
  error: null,
};
