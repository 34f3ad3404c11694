import { randomUUID } from 'node:crypto';
import { keyedError, type LotsenError } from '../../../common/api/errors.ts';
import type { HostKeyChange } from '../../../common/sessions/model.ts';
import type { RegistryContext } from '../../registry/registryContext.ts';
import type { Db } from '../../store/database.node.ts';
import type { HostKeyCheck } from './sshConnection.node.ts';

export interface HostEndpoint {
  host: string;
  port: number;
}

export type HostKeyVerdict =
  | { kind: 'trusted' }
  | { kind: 'unknown'; fingerprint: string }
  | { kind: 'changed'; expected: string; presented: string };

/** Trust on first use, per host, port and key type: what OpenSSH's known_hosts does, kept in the encrypted store. */
export async function checkHostKey(
  db: Db,
  endpoint: HostEndpoint,
  keyType: string,
  fingerprint: string,
): Promise<HostKeyVerdict> {
  const known = await db
    .selectFrom('known_hosts')
    .select('fingerprint')
    .where('host', '=', endpoint.host.toLowerCase())
    .where('port', '=', endpoint.port)
    .where('key_type', '=', keyType)
    .executeTakeFirst();
  if (!known) return { kind: 'unknown', fingerprint };
  return known.fingerprint === fingerprint
    ? { kind: 'trusted' }
    : { kind: 'changed', expected: known.fingerprint, presented: fingerprint };
}

/** First use: remember the key. A host already known keeps its key; changing it is `replaceHostKey`, on purpose. */
export async function trustHostKey(
  ctx: RegistryContext,
  endpoint: HostEndpoint,
  keyType: string,
  fingerprint: string,
): Promise<void> {
  await ctx.db
    .insertInto('known_hosts')
    .values({
      id: randomUUID(),
      host: endpoint.host.toLowerCase(),
      port: endpoint.port,
      key_type: keyType,
      fingerprint,
      trusted_at: ctx.now(),
      trusted_by: ctx.actorId,
    })
    .onConflict((oc) => oc.columns(['host', 'port', 'key_type']).doNothing())
    .execute();
}

/**
 * A deliberate act (and an audited one, by the caller): the key stored as `change.expected` becomes
 * `change.presented`. Refused when the stored key is no longer the expected one, so a change confirmed against one
 * key never overwrites another (nor the same replacement twice).
 */
export async function replaceHostKey(ctx: RegistryContext, change: HostKeyChange): Promise<void> {
  const host = change.host.toLowerCase();
  const replaced = await ctx.db
    .updateTable('known_hosts')
    .set({ fingerprint: change.presented, trusted_at: ctx.now(), trusted_by: ctx.actorId })
    .where('host', '=', host)
    .where('port', '=', change.port)
    .where('key_type', '=', change.keyType)
    .where('fingerprint', '=', change.expected)
    .executeTakeFirst();
  if (replaced.numUpdatedRows > 0n) return;
  const verdict = await checkHostKey(ctx.db, change, change.keyType, change.presented);
  const endpoint = `${change.host}:${change.port}`;
  throw verdict.kind === 'trusted'
    ? keyedError('CONFLICT', 'sessions.hostKeyAlreadyReplaced', { endpoint, presented: change.presented })
    : keyedError('CONFLICT', 'sessions.hostKeyChangedSince', { endpoint, expected: change.expected });
}

/**
 * The name a hop's key is kept under. Behind a jump host a name or private address is resolved by that jump host, so
 * the same `10.0.0.5:22` at two customers is two different machines: the jump chain is part of the name.
 */
export function knownHostEndpoint(hop: HostEndpoint, via: readonly HostEndpoint[]): HostEndpoint {
  const host = [hop.host, ...via.map((jump) => `${jump.host}:${jump.port}`)].join(' via ').toLowerCase();
  return { host, port: hop.port };
}

/**
 * The host-key policy a session uses for every hop: a known key passes; an unknown one is shown to the person
 * (`askToTrust` gets the fingerprint as OpenSSH prints it) and remembered when accepted; a changed one is refused.
 */
export function knownHostsPolicy(
  ctx: RegistryContext,
  askToTrust: (endpoint: HostEndpoint, keyType: string, fingerprint: string) => Promise<boolean>,
): HostKeyCheck {
  return async ({ hop, via, keyType, fingerprint }) => {
    const endpoint = knownHostEndpoint(hop, via);
    const verdict = await checkHostKey(ctx.db, endpoint, keyType, fingerprint);
    if (verdict.kind === 'trusted') return true;
    if (verdict.kind === 'changed') throw hostKeyChanged(endpoint, keyType, verdict);
    if (!(await askToTrust(endpoint, keyType, fingerprint))) return false;
    await trustHostKey(ctx, endpoint, keyType, fingerprint);
    return true;
  };
}

/** A changed key refuses the session: what the person is told, and what replacing the stored key needs. */
export function hostKeyChanged(
  endpoint: HostEndpoint,
  keyType: string,
  verdict: Extract<HostKeyVerdict, { kind: 'changed' }>,
): LotsenError {
  return keyedError(
    'HOST_KEY_MISMATCH',
    'sessions.hostKeyChanged',
    {
      endpoint: `${endpoint.host}:${endpoint.port}`,
      expected: verdict.expected,
      presented: verdict.presented,
    },
    {
      host: endpoint.host,
      port: endpoint.port,
      keyType,
      expected: verdict.expected,
      presented: verdict.presented,
    },
  );
}
