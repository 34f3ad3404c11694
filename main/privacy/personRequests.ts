import { keyedError } from '../../common/api/errors.ts';
import type { PersonEraseResult, PersonExtract } from '../../common/retention/model.ts';
import { liveSessionStates } from '../../common/sessions/model.ts';
import { personalDetail } from '../audit/auditDetails.ts';
import type { AuditTrail } from '../audit/auditTrail.node.ts';
import { destroyDataKeys } from '../personalData/personalDataKeys.ts';
import { deleteContactIn } from '../registry/customerRepository.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import { shredTickets } from '../retention/ticketShredding.ts';
import type { Db } from '../store/database.node.ts';
import { flushWriteAheadLog } from '../store/writeAheadLog.ts';
import { findPersonData, timeEntriesOfTicket } from './personData.ts';

/** The e-mail a request named, for the audit log: the trail seals it under the month's key, never in the clear. */
const requestedEmail = (email: string) => personalDetail(email.trim().toLowerCase());

/** A session or timer running on one of the tickets: erasing under it would shred what it is still writing. */
async function workRunningOn(
  trx: Db,
  ticketIds: readonly string[],
): Promise<{ what: 'session' | 'timer'; ticketId: string } | null> {
  if (ticketIds.length === 0) return null;
  const session = await trx
    .selectFrom('sessions')
    .select('ticket_id')
    .where('ticket_id', 'in', ticketIds)
    .where('state', 'in', liveSessionStates)
    .executeTakeFirst();
  if (session) return { what: 'session', ticketId: session.ticket_id };
  const timer = await trx
    .selectFrom('time_entries')
    .select('ticket_id')
    .where('ticket_id', 'in', ticketIds)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return timer ? { what: 'timer', ticketId: timer.ticket_id } : null;
}

/** Article 15: every ticket the person requested (with its time-entry notes) and every contact record of theirs. */
export async function extractPersonData(
  ctx: RegistryContext,
  audit: AuditTrail,
  email: string,
): Promise<PersonExtract> {
  const at = ctx.now();
  return audit
    .appendWith(
      async (trx) => {
        const found = await findPersonData(trx, email);
        const tickets: PersonExtract['tickets'] = [];
        for (const t of found.tickets) {
          const entries = await timeEntriesOfTicket(trx, t.id);
          tickets.push({
            id: t.id,
            customerName: t.customerName,
            externalRef: t.externalRef,
            requesterName: t.requesterName,
            requesterEmail: t.requesterEmail,
            subject: t.subject,
            description: t.description,
            affectedUsers: t.affectedUsers,
            schoolAndClass: t.schoolAndClass,
            problemStarted: t.problemStarted,
            pageLinks: t.pageLinks,
            browser: t.browser,
            status: t.status,
            receivedAt: t.receivedAt,
            timeEntryNotes: entries
              .filter((e) => e.note !== '')
              .map((e) => ({ entryId: e.id, startedAt: e.startedAt, note: e.note })),
          });
        }
        const contacts = found.contacts.map((c) => ({
          id: c.id,
          customerName: c.customerName,
          name: c.name,
          email: c.email,
          phone: c.phone,
          role: c.role,
        }));
        return { extract: { email, extractedAt: at, tickets, contacts } };
      },
      ({ extract }) => ({
        event: 'privacy.extracted',
        details: {
          email: requestedEmail(email),
          ticketIds: extract.tickets.map((t) => t.id),
          contactIds: extract.contacts.map((c) => c.id),
        },
      }),
    )
    .then(({ extract }) => extract);
}

/**
 * Article 17: destroys the keys of every ticket the person requested (their text and recordings go, the time and
 * billing trail stays) and deletes their contact records, in one transaction with its audit event.
 */
export async function erasePersonData(
  ctx: RegistryContext,
  audit: AuditTrail,
  email: string,
): Promise<PersonEraseResult> {
  const at = ctx.now();
  const result = await audit.appendWith(
    async (trx) => {
      const found = await findPersonData(trx, email);
      const ticketIds = found.tickets.map((t) => t.id);
      const running = await workRunningOn(trx, ticketIds);
      if (running) {
        throw keyedError(
          'CONFLICT',
          running.what === 'session' ? 'records.sessionRunningForPerson' : 'records.timerRunningForPerson',
          {},
          { ticketId: running.ticketId },
        );
      }
      const shredded = await shredTickets(trx, ticketIds, at);
      const contactIds = found.contacts.map((c) => c.id);
      // Destroyed here to count them; deleting a contact destroys its key too, and finds it gone.
      const contactKeys = await destroyDataKeys(
        trx,
        contactIds.map((id) => ({ kind: 'contact' as const, id })),
      );
      for (const id of contactIds) await deleteContactIn(trx, ctx, id);
      return {
        erased: {
          ticketIds,
          contactIds,
          keysDestroyed: shredded.keysDestroyed + contactKeys,
          recordings: shredded.recordings,
        },
      };
    },
    ({ erased }) => ({
      event: 'privacy.erased',
      details: { email: requestedEmail(email), ...erased },
    }),
  );
  await flushWriteAheadLog(ctx.db);
  return result.erased;
}
