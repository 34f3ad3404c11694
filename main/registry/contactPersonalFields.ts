import type { ErrorDetailKey } from '../../common/api/errorDetails/index.ts';
import type { ContactFields } from '../../common/registry/model.ts';
import type { DataKeyOwner } from '../personalData/personalDataKeys.ts';
import { openColumns, type SealedFieldName } from '../personalData/sealedColumns.ts';
import type { Db } from '../store/database.node.ts';
import type { ContactsTable } from '../store/schema.ts';
import { swedishCompare } from '../../common/swedishCollation.ts';

/**
 * A contact's personal columns, stored sealed under the contact's data key (personalDataKeys.ts), each with its field
 * in the API and its name for people. The one list of them: a column added to contacts that names or reaches the
 * person is added here, and every read and write of contacts follows; a migration seals what existing stores hold in
 * it (0019 for admin_account).
 */
export const CONTACT_SEALED_FIELDS = {
  name: { field: 'name', purged: 'records.purgedContactName' },
  email: { field: 'email', purged: 'records.purgedContactEmail' },
  phone: { field: 'phone', purged: 'records.purgedContactPhone' },
  role: { field: 'role', purged: 'records.purgedContactRole' },
  admin_account: { field: 'adminAccount', purged: 'records.purgedContactAdminAccount' },
} as const satisfies Partial<
  Record<keyof ContactsTable, { field: keyof ContactFields; purged: ErrorDetailKey }>
>;

export type ContactSealedColumn = keyof typeof CONTACT_SEALED_FIELDS;

export const CONTACT_SEALED_COLUMNS = Object.keys(CONTACT_SEALED_FIELDS) as ContactSealedColumn[];

export const contactOwner = (id: string): DataKeyOwner => ({ kind: 'contact', id });

/** The contact's personal texts by column, as they are to be sealed. */
export function contactTexts(fields: ContactFields): Record<ContactSealedColumn, string> {
  const texts = {} as Record<ContactSealedColumn, string>;
  for (const column of CONTACT_SEALED_COLUMNS) texts[column] = fields[CONTACT_SEALED_FIELDS[column].field];
  return texts;
}

/** The names resealChanged gives a purged column in its refusal. */
export const contactColumnNames = Object.fromEntries(
  CONTACT_SEALED_COLUMNS.map((column) => [
    column,
    { purged: CONTACT_SEALED_FIELDS[column].purged, path: CONTACT_SEALED_FIELDS[column].field },
  ]),
) as Record<ContactSealedColumn, SealedFieldName>;

const byName = swedishCompare({ sensitivity: 'base', numeric: true });

/** Contact rows opened (one openPersonal call) and in name order, which the store can no longer sort by. */
export async function openContacts<R extends Pick<ContactsTable, ContactSealedColumn>>(
  db: Db,
  rows: readonly R[],
): Promise<R[]> {
  const opened = await openColumns(db, rows, CONTACT_SEALED_COLUMNS);
  return opened.sort((a, b) => byName(a.name, b.name));
}
