import type { Kysely, Migration } from 'kysely';
import { sealPersonal } from '../../personalData/personalDataKeys.ts';
import { isSealed } from '../../vault/sealedText.ts';
import { contactOwner } from '../../registry/contactPersonalFields.ts';
import { ticketOwner } from '../../tickets/ticketPersonalFields.ts';
import type { Db } from '../database.node.ts';
import { inMigrationTransaction } from '../migrationTransaction.ts';

/**
 * Two more personal texts sealed like those of 0012: a contact's own admin account (0015 gave every existing contact
 * an empty one in the clear), under the contact's key; and the eligibility warnings shown when a session opened, whose
 * messages can name the requester, under the session's ticket's key.
 */
export const migration0019SealedLateFields: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as unknown as Db;
    await inMigrationTransaction(db, async (trx) => {
      const rows = await trx.selectFrom('contacts').select(['id', 'admin_account']).execute();
      for (const row of rows) {
        if (isSealed(row.admin_account)) continue;
        const sealed = await sealPersonal(trx, contactOwner(row.id), row.admin_account);
        await trx.updateTable('contacts').set({ admin_account: sealed }).where('id', '=', row.id).execute();
      }
      const sessions = await trx.selectFrom('sessions').select(['id', 'ticket_id', 'warnings']).execute();
      for (const session of sessions) {
        if (isSealed(session.warnings)) continue;
        const warnings = await sealPersonal(trx, ticketOwner(session.ticket_id), session.warnings);
        await trx.updateTable('sessions').set({ warnings }).where('id', '=', session.id).execute();
      }
    });
  },
};
