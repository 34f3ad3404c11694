import { LotsenError } from '../../common/api/errors.ts';
import type { Verdict } from '../../common/agreements/verdict.ts';
import type { SessionOpenFields } from '../../common/sessions/model.ts';
import { checkEligibility } from '../agreements/eligibilityService.ts';
import { openPersonalText } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';

export interface Admission {
  ticket: { id: string; customerId: string };
  environment: { id: string; preConnectCommand: string };
  verdict: Verdict;
  /** The written reason that let blockers pass; null when there were none to pass. */
  override: string | null;
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
  if (!ticket) throw new LotsenError('NOT_FOUND', 'No such ticket; it may have been deleted.');
  const environment = await ctx.db
    .selectFrom('environments')
    .select(['id', 'customer_id', 'pre_connect_command'])
    .where('id', '=', input.environmentId)
    .executeTakeFirst();
  if (!environment || environment.customer_id !== ticket.customer_id) {
    throw new LotsenError('NOT_FOUND', "No such environment for this ticket's customer.");
  }

  const verdict = await checkEligibility(ctx.db, ticket.customer_id, {
    at: ctx.now(),
    environmentId: environment.id,
    serviceId: ticket.service_id,
    // A purged e-mail (null) names nobody: the named-contact check then has no one to ask about.
    requesterEmail: (await openPersonalText(ctx.db, ticket.requester_email)) || null,
  });
  if (verdict.blockers.length > 0 && input.overrideReason === null) {
    throw new LotsenError(
      'NOT_ELIGIBLE',
      `This customer may not be helped now: ${verdict.blockers.map((b) => b.message).join(' ')} ` +
        'A support lead may override with a written reason, which is audited.',
      { blockers: verdict.blockers, warnings: verdict.warnings },
    );
  }
  return {
    ticket: { id: ticket.id, customerId: ticket.customer_id },
    environment: { id: environment.id, preConnectCommand: environment.pre_connect_command },
    verdict,
    override: verdict.blockers.length > 0 ? input.overrideReason : null,
  };
}
