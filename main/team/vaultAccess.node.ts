import { LotsenError } from '../../common/api/errors.ts';
import type { Backend } from '../app/backend.node.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import { memberTeamClient, type TeamClient } from './teamClient.ts';
import { grantKeys, type GrantedAccess } from './teamVault.node.ts';

/**
 * `lotsen team grant-keys`: the vault's trees this member holds, wrapped for every member entitled to them who has
 * none yet (teamVault.node.ts), each member's grant audited (`vault.access_granted`, ids and tree names only).
 */
export function grantVaultKeys(backend: Backend): Promise<GrantedAccess[]> {
  return grantVaultKeysWith(memberTeamClient(backend), backend.audit());
}

/** The same on a member's connection already open (`team.grantKeys`). */
export async function grantVaultKeysWith(
  client: TeamClient,
  audit: Pick<AuditTrail, 'append'>,
): Promise<GrantedAccess[]> {
  if (!client.vault) throw new LotsenError('VAULT_LOCKED', 'Unlock Lotsen first: your keys open with it.');
  const granted = await grantKeys(client, client.vault.held, client.vault.userId);
  for (const grant of granted) {
    await audit.append({
      event: 'vault.access_granted',
      subject: { type: 'user', id: grant.userId },
      details: { trees: grant.trees },
    });
  }
  return granted;
}
