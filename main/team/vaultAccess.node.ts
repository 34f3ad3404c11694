import { LotsenError } from '../../common/api/errors.ts';
import type { Backend } from '../app/backend.node.ts';
import { memberTeamClient } from './teamClient.ts';
import { grantKeys, type GrantedAccess } from './teamVault.node.ts';

/**
 * `lotsen team grant-keys`: the vault's trees this member holds, wrapped for every member entitled to them who has
 * none yet (teamVault.node.ts), each member's grant audited (`vault.access_granted`, ids and tree names only).
 */
export async function grantVaultKeys(backend: Backend): Promise<GrantedAccess[]> {
  const client = memberTeamClient(backend);
  if (!client.vault) throw new LotsenError('VAULT_LOCKED', 'Unlock Lotsen first: your keys open with it.');
  const granted = await grantKeys(client, client.vault.held, client.vault.userId);
  for (const grant of granted) {
    await backend.audit().append({
      event: 'vault.access_granted',
      subject: { type: 'user', id: grant.userId },
      details: { trees: grant.trees },
    });
  }
  return granted;
}
