import { keyedError, LotsenError } from '../../common/api/errors.ts';
import type { Verdict } from '../../common/agreements/verdict.ts';
import type { SessionOpenFields } from '../../common/sessions/model.ts';
import type { VpnClient } from '../../common/sessions/vpn.ts';
import { checkEligibility } from '../agreements/eligibilityService.ts';
import { openPersonalText } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { isConnectionFailure } from '../team/reachability/connectionFailure.ts';
import { isFresh, type CachedVerdicts } from './cachedVerdicts.ts';
import type { PreConnectCommands } from './preConnectApprovals.ts';

export interface Admission {
  ticket: { id: string; customerId: string };
  environment: PreConnectCommands & { vpnClient: VpnClient; hasVpnTotpSeed: boolean };
  verdict: Verdict;
  /** The written reason that let blockers pass; null when there were none to pass. */
  override: string | null;
  /**
   * When the verdict was fetched, if it came from the cache because the team database could not be reached; null
   * when it was fetched now.
   */
  verdictCachedAt: number | null;
}

/**
 * The gate every session passes before anything of it exists: its ticket, an environment of the ticket's customer,
 * and the customer's eligibility now. Blockers stop it unless the caller gave a written reason.
 */
export async function admitSession(
  ctx: RegistryContext,
  input: Pick<SessionOpenFields, 'ticketId' | 'environmentId' | 'overrideReason'>,
): Promise<Admission> {
  const ticket = await ctx.db
    .selectFrom('tickets')
    .select(['id', 'customer_id', 'service_id', 'requester_email'])
    .where('id', '=', input.ticketId)
    .executeTakeFirst();
  if (!ticket) throw keyedError('NOT_FOUND', 'sessions.noSuchTicket');
  const environment = await ctx.db
    .selectFrom('environments')
    .select([
      'id',
      'customer_id',
      'pre_connect_command',
      'vpn_client',
      'disconnect_command',
      'has_vpn_totp_seed',
    ])
    .where('id', '=', input.environmentId)
    .executeTakeFirst();
  if (!environment || environment.customer_id !== ticket.customer_id) {
    throw keyedError('NOT_FOUND', 'sessions.noSuchEnvironmentOfTicket');
  }

  const verdict = await checkEligibility(ctx.db, ticket.customer_id, {
    at: ctx.now(),
    environmentId: environment.id,
    serviceId: ticket.service_id,
    // A purged e-mail (null) names nobody: the named-contact check then has no one to ask about.
    requesterEmail: (await openPersonalText(ctx.db, ticket.requester_email)) || null,
  });
  assertNotBlocked(verdict, input.overrideReason);
  return {
    ticket: { id: ticket.id, customerId: ticket.customer_id },
    environment: {
      id: environment.id,
      preConnectCommand: environment.pre_connect_command,
      disconnectCommand: environment.disconnect_command,
      vpnClient: environment.vpn_client as VpnClient,
      hasVpnTotpSeed: environment.has_vpn_totp_seed === 1,
    },
    verdict,
    override: verdict.blockers.length > 0 ? input.overrideReason : null,
    verdictCachedAt: null,
  };
}

/**
 * The gate with the team database possibly away: asked of the database when it is reachable (and the answer kept);
 * when it is not, or the question fails for that reason, answered from a verdict for the same ticket and environment
 * fetched within the hour, or refused with DATABASE_UNREACHABLE saying why.
 */
export async function admitSessionOrFromCache(
  ctx: RegistryContext,
  input: Pick<SessionOpenFields, 'ticketId' | 'environmentId' | 'overrideReason'>,
  cache: CachedVerdicts,
  databaseReachable: boolean,
): Promise<Admission> {
  if (databaseReachable) {
    try {
      const admission = await admitSession(ctx, input);
      cache.remember(input, admission, ctx.now());
      return admission;
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
    }
  }
  const cached = cache.latest(input);
  if (cached === null || !isFresh(cached.fetchedAt, ctx.now())) {
    throw new LotsenError(
      'DATABASE_UNREACHABLE',
      `The team database cannot be reached, so this customer's eligibility cannot be checked now${
        cached === null
          ? ', and it was not checked for this ticket and environment on this machine within the last hour'
          : `, and the last check for this ticket and environment (${stockholmTime(cached.fetchedAt)}) is more than an hour old`
      }. A new session needs a verdict from within the hour: start it when the database is back. Open sessions keep running.`,
      { verdictFetchedAt: cached?.fetchedAt ?? null },
    );
  }
  const { admission } = cached;
  assertNotBlocked(admission.verdict, input.overrideReason);
  return {
    ...admission,
    override: admission.verdict.blockers.length > 0 ? input.overrideReason : null,
    verdictCachedAt: cached.fetchedAt,
  };
}

function assertNotBlocked(verdict: Verdict, overrideReason: string | null): void {
  if (verdict.blockers.length > 0 && overrideReason === null) {
    // The blockers travel in the details, where the console lists each in words (ReasonList).
    throw keyedError(
      'NOT_ELIGIBLE',
      'sessions.notEligible',
      {},
      { blockers: verdict.blockers, warnings: verdict.warnings },
    );
  }
}

// Made at the first use, not when the module loads: ICU's date formatting takes tens of ms to start (issue 17).
let stockholm: Intl.DateTimeFormat | undefined;

/** Swedish notation, Stockholm time (2026-12-07 09:30), as the app shows times. */
function stockholmTime(epochMs: number): string {
  stockholm ??= new Intl.DateTimeFormat('sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  });
  return stockholm.format(epochMs);
}
