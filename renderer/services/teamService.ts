import type { EventPayload, MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

/**
 * A team's members, for admins: the list (the removed too, for their departing lists), inviting one and reissuing a
 * code (the answer holds the code), roles, removal; and the vault's chores: rotations with their progress, keys
 * granted to members who lack them, the recovery kit.
 */
export function createTeamService(api: ApiClient) {
  return {
    members: () => api.call('team.members', { show: 'all' }),
    addMember: (input: MethodInput<'team.addMember'>) => api.call('team.addMember', input),
    changeRole: (input: MethodInput<'team.changeRole'>) => api.call('team.changeRole', input),
    removeMember: (userId: string) => api.call('team.removeMember', { userId }),
    reissueCode: (userId: string) => api.call('team.reissueCode', { userId }),
    departing: (userId: string) => api.call('team.departing', { userId }),
    vault: () => api.call('team.vault', {}),
    rotate: () => api.call('team.rotate', {}),
    grantKeys: () => api.call('team.grantKeys', {}),
    recover: (kit: string) => api.call('team.recover', { kit }),
    onRotationProgress: (listener: (progress: EventPayload<'team.rotationProgress'>) => void) =>
      api.subscribe('team.rotationProgress', listener),
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
