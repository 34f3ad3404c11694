import type { Kysely, Migration } from 'kysely';
import { sealPersonal } from '../../personalData/personalDataKeys.ts';
import { isSealed } from '../../personalData/sealedText.ts';
import { contactOwner } from '../../registry/contactPersonalFields.ts';
import type { Db } from '../database.node.ts';

/**
 * A contact's own admin account (0015) names the person, so it is sealed under the contact's data key like the rest
 * of the contact (0012): 0015 gave every existing contact an empty one in the clear.
 */
export const migration0019SealedAdminAccounts: Migration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as unknown as Db;
    await db.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('contacts').select(['id', 'admin_account']).execute();
      for (const row of rows) {
        if (isSealed(row.admin_account)) continue;
        const sealed = await sealPersonal(trx, contactOwner(row.id), row.admin_account);
        await trx.updateTable('contacts').set({ admin_account: sealed }).where('id', '=', row.id).execute();
      }
    });
  },
};
