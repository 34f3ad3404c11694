import {
  accountKeyOwners,
  destroySecretKeys,
  environmentKeyOwners,
  openSecret,
  sealSecret,
} from '../vault/secretVault.ts';
import { randomUUID } from 'node:crypto';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import { PRIVATE_KEY_BEGIN, privateKeyTextProblem } from '../../common/registry/privateKeyText.ts';
import type {
  EnvironmentFields,
  EnvironmentView,
  ServerFields,
  ServerView,
  SupportAccountFields,
  SupportAccountView,
} from '../../common/registry/model.ts';
import type { Db } from '../store/database.node.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';
import { loadCertificates } from '../environments/certificateRepository.ts';
import { loadNotices } from '../environments/noticeRepository.ts';
import {
  assertCustomerExists,
  createdStamp,
  touchCustomer,
  transact,
  updatedStamp,
  type RegistryContext,
} from './registryContext.ts';
import { environmentView, serverView, supportAccountView } from './registryViews.ts';

/** Every support-account read goes through this column list: the secret itself is never selected. */
const supportAccountColumns = [
  'id',
  'environment_id',
  'username',
  'notes',
  'secret_updated_at',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'has_secret',
  'has_totp_seed',
  'row_version',
] as const;

/**
 * Every environment read goes through this column list: the pre-connect secret itself is never selected (finance
 * holds no privilege on it in a team database), only whether one is stored.
 */
export const environmentColumns = [
  'id',
  'customer_id',
  'name',
  'notes',
  'vpn_type',
  'vpn_gateway',
  'teamviewer_id',
  'access_method',
  'supported_tools',
  'access_notes',
  'pre_connect_command',
  'vpn_client',
  'disconnect_command',
  'split_tunnel',
  'access_tool',
  'special_configuration_needed',
  'special_configuration',
  'has_pre_connect_secret',
  'has_vpn_totp_seed',
  'tool_templates',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'row_version',
] as const;

/** Environments with their servers and accounts, for some customers at once (or one environment). */
export async function loadEnvironments(
  db: Db,
  filter: { customerIds: readonly string[]; environmentId?: string },
): Promise<EnvironmentView[]> {
  if (filter.customerIds.length === 0) return [];
  let envQuery = db
    .selectFrom('environments')
    .select(environmentColumns)
    .where('customer_id', 'in', filter.customerIds);
  if (filter.environmentId !== undefined) envQuery = envQuery.where('id', '=', filter.environmentId);
  const environments = await envQuery.orderBy('name').execute();
  if (environments.length === 0) return [];
  const ids = environments.map((env) => env.id);
  const [servers, accounts, certificates, notices] = await Promise.all([
    db.selectFrom('servers').selectAll().where('environment_id', 'in', ids).orderBy('host').execute(),
    db
      .selectFrom('support_accounts')
      .select(supportAccountColumns)
      .where('environment_id', 'in', ids)
      .orderBy('username')
      .execute(),
    loadCertificates(db, ids),
    loadNotices(db, ids),
  ]);
  return environments.map((env) => ({
    ...environmentView(
      env,
      servers.filter((s) => s.environment_id === env.id).map(serverView),
      accounts.filter((a) => a.environment_id === env.id).map(supportAccountView),
    ),
    certificates: certificates.filter((c) => c.environmentId === env.id),
    notices: notices.filter((n) => n.environmentId === env.id),
  }));
}

/**
 * `preConnectSecret`: text sets it, null clears it, undefined keeps what is stored. Like an account's secret it is
 * sealed under the environment's own data key before it reaches the store (main/vault/secretVault.ts), and a cleared
 * one's key is destroyed with it. `vpnTotpSeed`, the VPN's TOTP seed, the same way under a data key of its own.
 */
export async function saveEnvironment(
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: EnvironmentFields,
  { preConnectSecret, vpnTotpSeed }: { preConnectSecret?: string | null; vpnTotpSeed?: string | null } = {},
): Promise<EnvironmentView> {
  const columns = {
    name: fields.name,
    notes: fields.notes,
    vpn_type: fields.access.vpnType,
    vpn_gateway: fields.access.vpnGateway,
    teamviewer_id: fields.access.teamViewerId,
    access_method: fields.access.method,
    supported_tools: JSON.stringify(fields.access.supportedTools),
    tool_templates: JSON.stringify(fields.access.toolTemplates),
    access_notes: fields.access.notes,
    pre_connect_command: fields.access.preConnectCommand,
    vpn_client: fields.access.vpnClient,
    disconnect_command: fields.access.disconnectCommand,
    split_tunnel: fields.access.splitTunnel,
    access_tool: fields.access.accessTool,
    special_configuration_needed: fields.access.specialConfigurationNeeded ? 1 : 0,
    special_configuration: fields.access.specialConfiguration,
  };
  return transact(ctx.db, async (trx) => {
    await assertCustomerExists(trx, customerId);
    // Agreements and exchange files name environments, so a name means one environment within a customer.
    let sameName = trx
      .selectFrom('environments')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('name', '=', fields.name);
    if (id !== undefined) sameName = sameName.where('id', '!=', id);
    if (await sameName.executeTakeFirst()) {
      throw keyedError(
        'CONFLICT',
        'records.environmentNameTaken',
        { environment: fields.name },
        { issues: [keyedIssue('environment.name', 'records.environmentNameUsed')] },
      );
    }
    const envId = id ?? randomUUID();
    const owner = { kind: 'environment' as const, id: envId };
    const secretColumns =
      preConnectSecret === undefined
        ? {}
        : preConnectSecret === null
          ? (await destroySecretKeys(trx, [owner]), { pre_connect_secret: null })
          : { pre_connect_secret: await sealSecret(trx, owner, preConnectSecret) };
    // The seed's own key (kind `environmentTotp`): setting one never touches the pre-connect secret's key.
    const totpOwner = { kind: 'environmentTotp' as const, id: envId };
    const totpColumns =
      vpnTotpSeed === undefined
        ? {}
        : vpnTotpSeed === null
          ? (await destroySecretKeys(trx, [totpOwner]), { vpn_totp_seed: null })
          : { vpn_totp_seed: await sealSecret(trx, totpOwner, vpnTotpSeed) };
    if (id === undefined) {
      await trx
        .insertInto('environments')
        .values({
          id: envId,
          customer_id: customerId,
          ...columns,
          ...secretColumns,
          ...totpColumns,
          ...createdStamp(ctx),
        })
        .execute();
    } else {
      const result = await trx
        .updateTable('environments')
        .set({ ...columns, ...secretColumns, ...totpColumns, ...updatedStamp(ctx) })
        .where('id', '=', id)
        .where('customer_id', '=', customerId)
        .where('row_version', '=', openedVersion(rowVersion))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'environments',
          id,
          within: { column: 'customer_id', value: customerId },
          record: 'environment',
          notFound: 'No such environment; it may have been deleted.',
          view: async () =>
            (await loadEnvironments(trx, { customerIds: [customerId], environmentId: id }))[0]!,
          submitted: fields,
        });
      }
    }
    await touchCustomer(trx, ctx, customerId);
    const [view] = await loadEnvironments(trx, { customerIds: [customerId], environmentId: envId });
    return view!;
  });
}

export async function deleteEnvironment(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, async (trx) => {
    const customerId = await customerOfEnvironment(trx, id);
    // Its support accounts go with it, and so do their secrets' data keys.
    const accounts = await trx
      .selectFrom('support_accounts')
      .select('id')
      .where('environment_id', '=', id)
      .execute();
    await trx.deleteFrom('environments').where('id', '=', id).execute();
    // Its pre-connect secret's and VPN seed's data keys go too.
    await destroySecretKeys(trx, [
      ...environmentKeyOwners(id),
      ...accounts.flatMap((a) => accountKeyOwners(a.id)),
    ]);
    await touchCustomer(trx, ctx, customerId);
    return customerId;
  });
}

export async function saveServer(
  ctx: RegistryContext,
  environmentId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: ServerFields,
): Promise<{ customerId: string; server: ServerView }> {
  const columns = {
    host: fields.host,
    port: fields.port,
    role: fields.role,
    os: fields.os,
    notes: fields.notes,
    shell: fields.shell,
    rdp_port: fields.rdpPort,
  };
  return transact(ctx.db, async (trx) => {
    const customerId = await customerOfEnvironment(trx, environmentId);
    const serverId = id ?? randomUUID();
    if (id === undefined) {
      await trx
        .insertInto('servers')
        .values({ id: serverId, environment_id: environmentId, ...columns, ...createdStamp(ctx) })
        .execute();
    } else {
      const result = await trx
        .updateTable('servers')
        .set({ ...columns, ...updatedStamp(ctx) })
        .where('id', '=', id)
        .where('environment_id', '=', environmentId)
        .where('row_version', '=', openedVersion(rowVersion))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'servers',
          id,
          within: { column: 'environment_id', value: environmentId },
          record: 'server',
          notFound: 'No such server in this environment.',
          view: async () =>
            serverView(
              await trx.selectFrom('servers').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
            ),
          submitted: fields,
        });
      }
    }
    await touchCustomer(trx, ctx, customerId);
    const row = await trx
      .selectFrom('servers')
      .selectAll()
      .where('id', '=', serverId)
      .executeTakeFirstOrThrow();
    return { customerId, server: serverView(row) };
  });
}

export async function deleteServer(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('servers')
      .select('environment_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchServer');
    const customerId = await customerOfEnvironment(trx, row.environment_id);
    await trx.deleteFrom('servers').where('id', '=', id).execute();
    await touchCustomer(trx, ctx, customerId);
    return customerId;
  });
}

/**
 * A secret that is a private key must be one the session can read: a key whose line breaks were lost on the way in
 * (a one-line field) would otherwise be stored and fail only at the next connection, as "could not be read". An
 * encrypted key is accepted: its passphrase is asked for when it is used. ssh2 is loaded here only for a key, so
 * registry writes do not load it (issue 17).
 */
async function assertReadableKey(secret: string): Promise<void> {
  if (!PRIVATE_KEY_BEGIN.test(secret)) return;
  const problem = privateKeyTextProblem(secret);
  const { utils } = (await import('ssh2')).default;
  const parsed = problem === null ? utils.parseKey(secret) : null;
  if (parsed !== null && (!(parsed instanceof Error) || /passphrase/i.test(parsed.message))) return;
  const why =
    problem === 'oneLine'
      ? 'records.privateKeyOneLine'
      : problem === 'noEnd'
        ? 'records.privateKeyCutOff'
        : 'records.privateKeyDamaged';
  throw keyedError('VALIDATION', 'records.privateKeyUnreadable', {}, { issues: [keyedIssue('secret', why)] });
}

/** `secret === undefined` keeps what is stored; secrets only ever travel into the store here. */
export async function saveSupportAccount(
  ctx: RegistryContext,
  environmentId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: SupportAccountFields,
  secret: string | undefined,
  /** Text sets the TOTP seed, null clears it, undefined keeps what is stored. */
  totpSeed?: string | null,
): Promise<{ customerId: string; account: SupportAccountView }> {
  if (secret !== undefined) await assertReadableKey(secret);
  return transact(ctx.db, async (trx) => {
    const customerId = await customerOfEnvironment(trx, environmentId);
    const accountId = id ?? randomUUID();
    // Sealed under the account's own data key of the vault's secrets tree before it reaches the store
    // (main/vault/secretVault.ts): a team database's server never sees it.
    const secretColumns =
      secret === undefined
        ? {}
        : {
            secret: await sealSecret(trx, { kind: 'account', id: accountId }, secret),
            secret_updated_at: ctx.now(),
          };
    // The seed under a data key of its own (kind `accountTotp`), so setting one never touches the secret's key.
    const totpOwner = { kind: 'accountTotp' as const, id: accountId };
    const totpColumns =
      totpSeed === undefined
        ? {}
        : totpSeed === null
          ? (await destroySecretKeys(trx, [totpOwner]), { totp_seed: null })
          : { totp_seed: await sealSecret(trx, totpOwner, totpSeed) };
    if (id === undefined) {
      await trx
        .insertInto('support_accounts')
        .values({
          id: accountId,
          environment_id: environmentId,
          username: fields.username,
          notes: fields.notes,
          secret: null,
          secret_updated_at: null,
          ...secretColumns,
          ...totpColumns,
          ...createdStamp(ctx),
        })
        .execute();
    } else {
      const result = await trx
        .updateTable('support_accounts')
        .set({
          username: fields.username,
          notes: fields.notes,
          ...secretColumns,
          ...totpColumns,
          ...updatedStamp(ctx),
        })
        .where('id', '=', id)
        .where('environment_id', '=', environmentId)
        .where('row_version', '=', openedVersion(rowVersion))
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        // The view says whether a secret is stored, never the secret; a secret typed in is not compared.
        throw await staleSaveRefusal(trx, ctx.actorId, {
          table: 'support_accounts',
          id,
          within: { column: 'environment_id', value: environmentId },
          record: 'support account',
          notFound: 'No such support account in this environment.',
          view: async () =>
            supportAccountView(
              await trx
                .selectFrom('support_accounts')
                .select(supportAccountColumns)
                .where('id', '=', id)
                .executeTakeFirstOrThrow(),
            ),
          submitted: fields,
        });
      }
    }
    await touchCustomer(trx, ctx, customerId);
    const row = await trx
      .selectFrom('support_accounts')
      .select(supportAccountColumns)
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    return { customerId, account: supportAccountView(row) };
  });
}

export async function deleteSupportAccount(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('support_accounts')
      .select('environment_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw keyedError('NOT_FOUND', 'records.noSuchSupportAccount');
    const customerId = await customerOfEnvironment(trx, row.environment_id);
    await trx.deleteFrom('support_accounts').where('id', '=', id).execute();
    await destroySecretKeys(trx, accountKeyOwners(id));
    await touchCustomer(trx, ctx, customerId);
    return customerId;
  });
}

/** One server's view, or null when there is none. */
export async function findServer(db: Db, id: string): Promise<ServerView | null> {
  const row = await db.selectFrom('servers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? serverView(row) : null;
}

/** One support account's view (whether a secret is stored, never the secret), or null when there is none. */
export async function findSupportAccount(db: Db, id: string): Promise<SupportAccountView | null> {
  const row = await db
    .selectFrom('support_accounts')
    .select(supportAccountColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? supportAccountView(row) : null;
}

/** One environment's view, or null when there is none. */
export async function findEnvironment(db: Db, id: string): Promise<EnvironmentView | null> {
  const row = await db
    .selectFrom('environments')
    .select('customer_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return (await loadEnvironments(db, { customerIds: [row.customer_id], environmentId: id }))[0] ?? null;
}

export async function customerOfEnvironment(db: Db, environmentId: string): Promise<string> {
  const env = await db
    .selectFrom('environments')
    .select('customer_id')
    .where('id', '=', environmentId)
    .executeTakeFirst();
  if (!env) throw keyedError('NOT_FOUND', 'records.noSuchEnvironment');
  return env.customer_id;
}

/** The stored secret of one account, for an explicit, audited reveal; nothing else reads this column. */
export async function readSecret(
  db: Db,
  accountId: string,
): Promise<{ secret: string; username: string; environmentId: string }> {
  const row = await db
    .selectFrom('support_accounts')
    .select(['secret', 'username', 'environment_id'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchSupportAccount');
  if (row.secret === null)
    throw keyedError('NOT_FOUND', 'records.noSecretStored', { username: row.username });
  return {
    secret: await openSecret(db, row.secret),
    username: row.username,
    environmentId: row.environment_id,
  };
}

/** The stored TOTP seed of one account, for its current code or an explicit, audited reveal. */
export async function readTotpSeed(
  db: Db,
  accountId: string,
): Promise<{ seed: string; username: string; environmentId: string }> {
  const row = await db
    .selectFrom('support_accounts')
    .select(['totp_seed', 'username', 'environment_id'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchSupportAccount');
  if (row.totp_seed === null) {
    throw keyedError('NOT_FOUND', 'records.noTotpSeedStored', { username: row.username });
  }
  return {
    seed: await openSecret(db, row.totp_seed),
    username: row.username,
    environmentId: row.environment_id,
  };
}

/** An environment's opened pre-connect secret, for its pre-connect program only; null when none is stored. */
export async function readPreConnectSecret(db: Db, environmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('environments')
    .select('pre_connect_secret')
    .where('id', '=', environmentId)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchEnvironment');
  return row.pre_connect_secret === null ? null : openSecret(db, row.pre_connect_secret);
}

/** The stored TOTP seed of an environment's VPN, for the code typed at its prompt or an explicit, audited reveal. */
export async function readVpnTotpSeed(
  db: Db,
  environmentId: string,
): Promise<{ seed: string; name: string }> {
  const row = await db
    .selectFrom('environments')
    .select(['vpn_totp_seed', 'name'])
    .where('id', '=', environmentId)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchEnvironment');
  if (row.vpn_totp_seed === null) {
    throw keyedError('NOT_FOUND', 'records.noVpnTotpSeedStored', { environment: row.name });
  }
  return { seed: await openSecret(db, row.vpn_totp_seed), name: row.name };
}
