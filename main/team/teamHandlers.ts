import { keyedError } from '../../common/api/errors.ts';
import type { RotationProgress } from '../../common/team/vault.ts';
import type { Handlers } from '../api/dispatcher.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import type { Db } from '../store/database.node.ts';
import { runDueRotations, type RotationAudit } from '../vault/treeRotation.ts';
import { recoverWithKit } from '../vault/vaultRecovery.ts';
import type { TeamClient } from './teamClient.ts';
import { departingSecrets } from './departingMember.node.ts';
import { teamError } from './teamErrors.ts';
import { addMember, changeRole, listMembers, reissueCode, removeMember } from './teamMembers.node.ts';
import { grantVaultKeysWith } from './vaultAccess.node.ts';
import { vaultStatus } from './vaultStatus.node.ts';

type TeamHandlers = Pick<Handlers, Extract<keyof Handlers, `team.${string}`>>;

/**
 * The `team.*` methods for admins. Each asks the database first whether the caller holds the admin right and refuses
 * with FORBIDDEN if not, naming what is needed; the member functions refuse the same in the database.
 */
export function teamHandlers(
  connect: () => TeamClient,
  address: () => { teamUrl: string; insecure: boolean },
  vault: () => { db: Db; audit: RotationAudit & Pick<AuditTrail, 'append'>; userId: string },
  onProgress: (progress: RotationProgress) => void = () => undefined,
): TeamHandlers {
  // A removal or a change to finance leaves trees due (the member functions mark them); the admin's Lotsen moves
  // them on at once where its keys allow, telling how far it has come, and says what it left for another holder.
  const rotate = () => {
    const { db, audit } = vault();
    return runDueRotations(db, { audit, onProgress });
  };
  const asAdmin = async <T>(use: (client: TeamClient) => Promise<T>): Promise<T> => {
    const client = connect();
    const admin = await client
      .query<{ admin: boolean }>('SELECT lotsen.team_is_admin() AS admin')
      .catch((error: unknown) => Promise.reject(teamError(error)));
    if (!admin.rows[0]?.admin) {
      throw keyedError('FORBIDDEN', 'team.teamNeedsAdmin');
    }
    return use(client);
  };
  const member = async (client: TeamClient, userId: string) => {
    const found = (await listMembers(client)).find((m) => m.userId === userId);
    if (!found) throw keyedError('NOT_FOUND', 'team.noCurrentMember');
    return found;
  };
  return {
    'team.members': ({ show }) => asAdmin((client) => listMembers(client, { removed: show === 'all' })),
    // With the invitation, how the new member joins, so the admin hands over one command rather than looking it up.
    'team.addMember': (input) =>
      asAdmin(async (client) => ({ ...(await addMember(client, input)), ...address() })),
    'team.changeRole': (input) =>
      asAdmin(async (client) => {
        await changeRole(client, input);
        return { ...(await member(client, input.userId)), vault: await rotate() };
      }),
    'team.removeMember': ({ userId }) =>
      asAdmin(async (client) => {
        const endedConnections = await removeMember(client, userId);
        return {
          endedConnections,
          vault: await rotate(),
          departing: await departingSecrets(client, userId),
        };
      }),
    'team.rotate': () => asAdmin(() => rotate()),
    'team.recover': ({ kit }) =>
      asAdmin(() => {
        const { db, audit, userId } = vault();
        return recoverWithKit(db, audit, userId, kit);
      }),
    'team.reissueCode': ({ userId }) =>
      asAdmin(async (client) => ({ ...(await reissueCode(client, userId)), ...address() })),
    'team.departing': ({ userId }) => asAdmin((client) => departingSecrets(client, userId)),
    'team.vault': () => asAdmin((client) => vaultStatus(client)),
    'team.grantKeys': () => asAdmin((client) => grantVaultKeysWith(client, vault().audit)),
  };
}
