import { LotsenError } from '../../../common/api/errors.ts';
import { sealedTextOf } from '../../vault/sealedText.ts';
import { openPersonal } from '../../personalData/personalDataKeys.ts';
import { isSealed } from '../../vault/sealedText.ts';
import type { Db } from '../../store/database.node.ts';
import {
  isSealedSecret,
  openSecret,
  SECRETS_TREE,
  sealSecret,
  secretSealer,
  type SecretOwner,
} from '../../vault/secretVault.ts';
import type { Row } from './tableCopier.ts';

/**
 * Support-account secrets, environments' pre-connect secrets and recorded terminal output, moved from the local store's keys to the team's: opened with
 * the local store's keys, in memory only, and sealed afresh under new data keys of the team's `secrets` tree, made in
 * the import's transaction (main/vault/secretVault.ts). A team whose vault has not been set up yet (a part-1 team
 * before `team upgrade`, which seals what it holds) gets them as it keeps its own: secrets as they are, recordings
 * under their tickets' personal keys, which come along re-wrapped.
 */
export interface SecretTransfer {
  readonly sealed: boolean;
  account(row: Row): Promise<Row>;
  environment(row: Row): Promise<Row>;
  chunk(row: Row): Promise<Row>;
}

export async function secretTransfer(local: Db, team: Db): Promise<SecretTransfer> {
  const sealed =
    (await team
      .selectFrom('vault_trees')
      .select('tree')
      .where('tree', '=', SECRETS_TREE)
      .executeTakeFirst()) !== undefined;
  const sealers = new Map<string, Promise<(text: string) => string>>();
  const moved = async (owner: SecretOwner, value: string) => {
    const text = isSealedSecret(value) ? await openSecret(local, value) : value;
    return sealed ? await sealSecret(team, owner, text) : text;
  };
  return {
    sealed,
    async account(row) {
      const id = String(row.id);
      const moves: Row = {};
      if (typeof row.secret === 'string') moves.secret = await moved({ kind: 'account', id }, row.secret);
      // The TOTP seed (0028) has a data key of its own, as it has at home.
      if (typeof row.totp_seed === 'string') {
        moves.totp_seed = await moved({ kind: 'accountTotp', id }, row.totp_seed);
      }
      return { ...row, ...moves };
    },
    async environment(row) {
      const id = String(row.id);
      const moves: Row = {};
      if (typeof row.pre_connect_secret === 'string') {
        moves.pre_connect_secret = await moved({ kind: 'environment', id }, row.pre_connect_secret);
      }
      // The VPN's TOTP seed (0030) has a data key of its own, as it has at home.
      if (typeof row.vpn_totp_seed === 'string') {
        moves.vpn_totp_seed = await moved({ kind: 'environmentTotp', id }, row.vpn_totp_seed);
      }
      return { ...row, ...moves };
    },
    async chunk(row) {
      // The embedded store keeps its newer batches as the sealed form's bytes.
      const data = sealedTextOf(row.data as string | Uint8Array);
      if (!sealed) {
        if (!isSealedSecret(data)) return { ...row, data };
        throw new LotsenError(
          'VAULT_LOCKED',
          "The team database has no vault yet, and this store's recordings are sealed in its own: ask an admin to run `lotsen team upgrade` first. Nothing was written.",
        );
      }
      const text = isSealedSecret(data) ? await openSecret(local, data) : await openedChunk(local, data);
      // A chunk whose ticket's key the purge destroyed stays as it is: unreadable here as it was at home.
      if (text === null) return { ...row, data };
      const recordingId = String(row.recording_id);
      let sealer = sealers.get(recordingId);
      if (!sealer)
        sealers.set(recordingId, (sealer = secretSealer(team, { kind: 'recording', id: recordingId })));
      return { ...row, data: (await sealer)(text) };
    },
  };
}

async function openedChunk(local: Db, data: string): Promise<string | null> {
  if (!isSealed(data)) return data;
  return (await openPersonal(local, [data]))[0] ?? null;
}
