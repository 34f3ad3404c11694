import type { StateCreator } from 'zustand/vanilla';
import type { MethodInput, MethodOutput } from '../../../common/api/contract.ts';
import type { RotationProgress, RotationsRunView } from '../../../common/team/vault.ts';
import type { TeamService } from '../../services/teamService.ts';
import { errorCode, errorMessage } from '../errorMessage.ts';
import { initialTeamState, type TeamState } from './initialState.ts';

export interface TeamActions {
  /** Follows main's rotation progress; answers the stop. */
  start(): () => void;
  load(): Promise<void>;
  /**
   * Invites a member and reloads the list. Answers with the invitation, whose enrolment code the dialog shows once and
   * the store never keeps; rejects with the API's error for the form.
   */
  addMember(input: MethodInput<'team.addMember'>): Promise<MethodOutput<'team.addMember'>>;
  /**
   * Rejects with the API's error (the team's last admin keeps the admin right; a member removed meanwhile) for the
   * dialog. A change to finance rotates the secrets key: followed in `rotation`, and answered.
   */
  changeRole(input: MethodInput<'team.changeRole'>): Promise<RotationsRunView>;
  /** Removes the member (their login goes, their connections end, the keys they held rotate, followed in `rotation`). */
  removeMember(userId: string): Promise<MethodOutput<'team.removeMember'>>;
  /** Runs the rotations due (the banner's button), followed in `rotation`. */
  rotate(): Promise<RotationsRunView>;
  onRotationProgress(progress: RotationProgress): void;
  clearRotation(): void;
  /** A new code for a member who lost their keychain; shown once by the dialog, never kept here. */
  reissueCode(userId: string): Promise<MethodOutput<'team.reissueCode'>>;
  departing(userId: string): Promise<MethodOutput<'team.departing'>>;
  grantKeys(): Promise<MethodOutput<'team.grantKeys'>>;
  /** The kit goes to main and is forgotten: neither the store nor the answer holds it. */
  recover(kit: string): Promise<MethodOutput<'team.recover'>>;
  reset(): void;
}

export type TeamStore = TeamState & TeamActions;

export const createTeamActions =
  (service: TeamService): StateCreator<TeamStore, [], [], TeamActions> =>
  (set, get) => {
    /** Runs a call that rotates keys, showing its progress; the list and the vault are reloaded after, even on failure. */
    async function rotating<T>(call: () => Promise<T>, runOf: (answer: T) => RotationsRunView): Promise<T> {
      set({ rotation: { state: 'running', progress: [], result: null, error: null } });
      try {
        const answer = await call();
        set({
          rotation: {
            state: 'done',
            progress: get().rotation?.progress ?? [],
            result: runOf(answer),
            error: null,
          },
        });
        return answer;
      } catch (error) {
        // Refused before any key moved (a member removed meanwhile, say): nothing to show but the error.
        const progress = get().rotation?.progress ?? [];
        set({
          rotation:
            progress.length === 0
              ? null
              : { state: 'failed', progress, result: null, error: errorMessage(error) },
        });
        throw error;
      } finally {
        await get().load();
      }
    }
    return {
      start() {
        return service.onRotationProgress((progress) => get().onRotationProgress(progress));
      },
      async load() {
        // A reload keeps the list on screen; only the first load says "Loading…".
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const [members, vault] = await Promise.all([service.members(), service.vault()]);
          set({ members, vault, status: 'ready', error: null });
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
        const changed = await rotating(
          () => service.changeRole(input),
          (answer) => answer.vault,
        );
        return changed.vault;
      },
      removeMember(userId) {
        return rotating(
          () => service.removeMember(userId),
          (answer) => answer.vault,
        );
      },
      rotate() {
        return rotating(
          () => service.rotate(),
          (answer) => answer,
        );
      },
      onRotationProgress(progress) {
        const job = get().rotation;
        if (job?.state !== 'running') return;
        const others = job.progress.filter((p) => p.tree !== progress.tree);
        set({ rotation: { ...job, progress: [...others, progress] } });
      },
      clearRotation() {
        if (get().rotation?.state !== 'running') set({ rotation: null });
      },
      async reissueCode(userId) {
        try {
          return await service.reissueCode(userId);
        } finally {
          await get().load();
        }
      },
      departing: (userId) => service.departing(userId),
      async grantKeys() {
        const granted = await service.grantKeys();
        await get().load();
        return granted;
      },
      async recover(kit) {
        const recovered = await service.recover(kit);
        await get().load();
        return recovered;
      },
      reset() {
        set({ ...initialTeamState });
      },
    };
  };
