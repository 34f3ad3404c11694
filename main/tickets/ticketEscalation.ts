import { keyedError } from '../../common/api/errors.ts';
import type { ErrorDetailKey, ErrorDetailValues } from '../../common/api/errorDetails/index.ts';
import type { EscalationBasis } from '../../common/tickets/model.ts';
import { endOfDate, startOfDate } from '../agreements/agreementDates.ts';
import { sealPersonal } from '../personalData/personalDataKeys.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { readPriceList } from '../settings/priceList.ts';
import type { Db } from '../store/database.node.ts';
import { formatInstant } from './formatInstant.ts';

/*
 * Acute escalation is an option of the agreement, billed per escalation (DOMAIN: "Response times"). A ticket may be
 * escalated under an agreement in force with the option, at the agreement's fee; otherwise only by an explicit
 * exception, whose reason is written (sealed under the ticket's personal-data key) and which bills the vendor's list
 * price. Each escalation is recorded with its basis and fee, and billing bills exactly that fee.
 */

/** An exception asked for with an escalation: its reason, as the person wrote it. */
export interface EscalationException {
  reason: string;
}

/** Why a ticket may not be escalated under an option, as a code and a detail key. */
export interface EscalationRefusal {
  reason: 'NO_AGREEMENT' | 'NO_ACUTE_OPTION';
  detail: { key: ErrorDetailKey; values: ErrorDetailValues };
  /** The sentence's data, for the console to word it by `reason`: the day asked about, or the agreements' references. */
  values: { on: string } | { agreements: string[] };
}

interface OptionFound {
  agreementId: string;
  feeOre: number;
}

/**
 * The agreement whose acute option covers an escalation of this customer's ticket at `at`: the agreement of the
 * ticket's service when that one is in force, else any agreement in force with the option.
 */
export async function acuteOptionAt(
  db: Db,
  ticket: { customerId: string; serviceId: string | null },
  at: number,
): Promise<OptionFound | EscalationRefusal> {
  const agreements = await db
    .selectFrom('agreements')
    .select(['id', 'reference', 'starts_on', 'ends_on', 'acute_enabled', 'acute_fee_ore'])
    .where('customer_id', '=', ticket.customerId)
    .orderBy('starts_on', 'desc')
    .execute();
  const inForce = agreements.filter(
    (a) => startOfDate(a.starts_on) <= at && (a.ends_on === null || at < endOfDate(a.ends_on)),
  );
  if (inForce.length === 0) {
    const on = formatInstant(at).slice(0, 10);
    return {
      reason: 'NO_AGREEMENT',
      detail: { key: 'records.escalationNoAgreement', values: { escalatedOn: on } },
      values: { on },
    };
  }
  const owner =
    ticket.serviceId === null
      ? undefined
      : await db
          .selectFrom('agreement_services')
          .select('agreement_id')
          .where('id', '=', ticket.serviceId)
          .executeTakeFirst();
  const covering = inForce.filter((a) => a.id === owner?.agreement_id);
  const candidates = covering.length > 0 ? covering : inForce;
  const withOption = candidates.find((a) => a.acute_enabled === 1);
  if (!withOption) {
    const references = candidates.map((a) => a.reference);
    return {
      reason: 'NO_ACUTE_OPTION',
      detail: { key: 'records.escalationNoAcuteOption', values: { agreements: references } },
      values: { agreements: references },
    };
  }
  return { agreementId: withOption.id, feeOre: withOption.acute_fee_ore };
}

/**
 * Whether the acting person may escalate outside the agreement's option. The embedded store has one local user,
 * who may; team mode makes it a support lead's right, and its role matrix answers here.
 */
export function assertMayMakeEscalationException(ctx: RegistryContext): void {
  void ctx;
}

/** Records a new escalation of a ticket, or refuses it with NOT_ELIGIBLE and the reason. */
export async function recordEscalation(
  trx: Db,
  ctx: RegistryContext,
  ticket: { id: string; customerId: string; serviceId: string | null; escalatedAt: number },
  exception: EscalationException | null,
): Promise<{ basis: EscalationBasis; feeOre: number }> {
  const option = await acuteOptionAt(trx, ticket, ticket.escalatedAt);
  const row = {
    ticket_id: ticket.id,
    escalated_at: ticket.escalatedAt,
    escalated_by: ctx.actorId,
  };
  if ('agreementId' in option) {
    await trx
      .insertInto('ticket_escalations')
      .values({
        ...row,
        basis: 'option',
        fee_ore: option.feeOre,
        agreement_id: option.agreementId,
        reason: null,
      })
      .execute();
    return { basis: 'option', feeOre: option.feeOre };
  }
  if (exception === null) {
    throw keyedError('NOT_ELIGIBLE', option.detail.key, option.detail.values, {
      reason: option.reason,
      ...option.values,
      exceptionPriceOre: (await readPriceList(trx)).acuteEscalationOre,
    });
  }
  assertMayMakeEscalationException(ctx);
  const reason = exception.reason.trim();
  if (reason === '') {
    throw keyedError(
      'VALIDATION',
      'records.exceptionReasonMissing',
      {},
      // The field's message is common/'s schema sentence, which the console words as it does the schema's.
      { issues: [{ path: 'exception.reason', message: 'An exception needs its reason written' }] },
    );
  }
  const feeOre = (await readPriceList(trx)).acuteEscalationOre;
  await trx
    .insertInto('ticket_escalations')
    .values({
      ...row,
      basis: 'exception',
      fee_ore: feeOre,
      agreement_id: null,
      reason: await sealPersonal(trx, { kind: 'ticket', id: ticket.id }, reason),
    })
    .execute();
  return { basis: 'exception', feeOre };
}

/** Keeps the record in step when a saved ticket moves its escalation (within an open month) or takes it back. */
export async function moveEscalation(trx: Db, ticketId: string, escalatedAt: number | null): Promise<void> {
  if (escalatedAt === null) {
    await trx.deleteFrom('ticket_escalations').where('ticket_id', '=', ticketId).execute();
  } else {
    await trx
      .updateTable('ticket_escalations')
      .set({ escalated_at: escalatedAt })
      .where('ticket_id', '=', ticketId)
      .execute();
  }
}
