import type { MethodInput } from '../../common/api/contract.ts';
import type { ApiClient } from '../api/client.ts';

/** A team's members, for admins: the list, inviting one (the answer holds their enrolment code), roles, removal. */
export function createTeamService(api: ApiClient) {
  return {
    members: () => api.call('team.members', { show: 'current' }),
    addMember: (input: MethodInput<'team.addMember'>) => api.call('team.addMember', input),
    changeRole: (input: MethodInput<'team.changeRole'>) => api.call('team.changeRole', input),
    removeMember: (userId: string) => api.call('team.removeMember', { userId }),
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
