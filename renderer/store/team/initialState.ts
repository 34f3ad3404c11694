import type { TeamMemberView } from '../../../common/team/members.ts';
import type { RotationProgress, RotationsRunView, VaultStatusView } from '../../../common/team/vault.ts';

/**
 * A rotation of the vault's keys this page asked for (by a removal, a role change or the due banner), followed by
 * main's `team.rotationProgress` events: the latest per tree, then what the call answered rotated or left due.
 */
export interface RotationJob {
  state: 'running' | 'done' | 'failed';
  progress: RotationProgress[];
  result: RotationsRunView | null;
  error: string | null;
}

export interface TeamState {
  /** The team's members (invited, enrolled, and removed ones, whose departing lists stay), as the database lists them. */
  members: TeamMemberView[];
  /** The vault's trees (due rotations) and who lacks a key; null until loaded. */
  vault: VaultStatusView | null;
  rotation: RotationJob | null;
  /**
   * `noTeam`: this Lotsen works in its own embedded store, where there is no team to manage (the API answers
   * NOT_INITIALIZED); the page explains what a team is instead of showing an error.
   */
  status: 'idle' | 'loading' | 'ready' | 'noTeam' | 'error';
  error: string | null;
}

export const initialTeamState: TeamState = {
  members: [],
  vault: null,
  rotation: null,
  status: 'idle',
  error: null,
};
