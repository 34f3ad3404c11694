import { accountKeyOwners, destroySecretKeys, environmentKeyOwners } from '../vault/secretVault.ts';
import { randomUUID } from 'node:crypto';
import { keyedError, keyedIssue } from '../../common/api/errors.ts';
import { accessStandardness } from '../../common/registry/access.ts';
import type {
  ContactFields,
  ContactView,
  CustomerContacts,
  CustomerDetail,
  CustomerFields,
  CustomerServers,
  CustomerSummary,
  ResponsiblePersonView,
  SummaryContact,
  SummaryServer,
} from '../../common/registry/model.ts';
import { hostsOf } from '../../common/registry/model.ts';
import type { CustomerKind, ServerRole } from '../../common/registry/vocabulary.ts';
import { destroyDataKeys, sealPersonalFields } from '../personalData/personalDataKeys.ts';
import { resealChanged } from '../personalData/sealedColumns.ts';
import type { Db } from '../store/database.node.ts';
import type { ContactsTable } from '../store/schema.ts';
import { openedVersion, staleSaveRefusal } from '../store/staleSave.ts';
import { ticketOwner } from '../tickets/ticketPersonalFields.ts';
import {
  contactColumnNames,
  contactOwner,
  contactTexts,
  CONTACT_SEALED_COLUMNS,
  openContacts,
} from './contactPersonalFields.ts';
import { loadEnvironments } from './environmentRepository.ts';
import {
  assertCustomerExists,
  createdStamp,
  touchCustomer,
  transact,
  updatedStamp,
  type RegistryContext,
} from './registryContext.ts';
import { accessFacts, contactView } from './registryViews.ts';
import { swedishCompare } from '../../common/swedishCollation.ts';

const byName = swedishCompare({ sensitivity: 'base', numeric: true });

/**
 * Every customer as the list shows it. `contacts: false` leaves the contacts' sealed fields unopened and only counts
 * them: opening 40,000 contacts, each under its own data key, is most of a 10,000-customer list's time, and the list's
 * first rows need none of it (listCustomerContacts gives them afterwards, for the search). `servers: false` leaves the
 * servers out and only counts their hosts, from the (environment_id, host) index without reading the servers' rows:
 * at 50,000 servers they were most of what was left of the first answer (listCustomerServers gives them afterwards).
 */
export async function listCustomerSummaries(
  db: Db,
  {
    contacts: withContacts = true,
    servers: withServers = true,
  }: { contacts?: boolean; servers?: boolean } = {},
): Promise<CustomerSummary[]> {
  const [customers, environments, servers, hostCounts, contacts, contactCounts] = await Promise.all([
    db.selectFrom('customers').select(['id', 'name', 'org_number', 'kind', 'updated_at']).execute(),
    db
      .selectFrom('environments')
      .select([
        'id',
        'customer_id',
        'name',
        'vpn_type',
        'access_method',
        'split_tunnel',
        'access_tool',
        'special_configuration_needed',
        'special_configuration',
      ])
      .execute(),
    withServers ? serverRows(db) : [],
    withServers
      ? []
      : db
          .selectFrom('servers')
          .innerJoin('environments', 'environments.id', 'servers.environment_id')
          .select(['environments.customer_id', (eb) => eb.fn.count('servers.host').distinct().as('count')])
          .groupBy('environments.customer_id')
          .execute(),
    withContacts
      ? db
          .selectFrom('contacts')
          .select(['customer_id', ...CONTACT_SEALED_COLUMNS])
          .execute()
      : [],
    db
      .selectFrom('contacts')
      .select(['customer_id', db.fn.countAll().as('count')])
      .groupBy('customer_id')
      .execute(),
  ]);

  const summaries = new Map<string, CustomerSummary>();
  for (const row of customers) {
    summaries.set(row.id, {
      id: row.id,
      name: row.name,
      orgNumber: row.org_number,
      kind: row.kind as CustomerKind,
      environmentCount: 0,
      hosts: [],
      servers: [],
      hostCount: 0,
      contacts: [],
      contactCount: 0,
      accessTools: [],
      nonStandardAccess: false,
      updatedAt: row.updated_at,
    });
  }
  for (const env of environments) {
    const summary = summaries.get(env.customer_id);
    if (!summary) continue;
    summary.environmentCount += 1;
    if (!accessStandardness(accessFacts(env)).standard) summary.nonStandardAccess = true;
    if (env.access_tool !== '' && !summary.accessTools.includes(env.access_tool)) {
      summary.accessTools.push(env.access_tool);
    }
  }
  for (const { customerId, servers: list } of serversByCustomer(servers)) {
    const summary = summaries.get(customerId);
    if (!summary) continue;
    summary.servers = list;
    summary.hosts = hostsOf(list);
    summary.hostCount = summary.hosts.length;
  }
  // PostgreSQL's count(*) is a bigint, which its driver gives as a string.
  for (const row of hostCounts) {
    const summary = summaries.get(row.customer_id);
    if (summary) summary.hostCount = Number(row.count);
  }
  for (const row of contactCounts) {
    const summary = summaries.get(row.customer_id);
    if (summary) summary.contactCount = Number(row.count);
  }
  for (const contact of await openContacts(db, contacts)) {
    summaries.get(contact.customer_id)?.contacts.push(summaryContact(contact));
  }
  return [...summaries.values()].sort((a, b) => byName(a.name, b.name));
}

/** Every customer's servers, host order: what the list's search and the palette need after the first paint. */
export async function listCustomerServers(db: Db): Promise<CustomerServers[]> {
  return serversByCustomer(await serverRows(db));
}

function serverRows(db: Db) {
  return db
    .selectFrom('servers')
    .innerJoin('environments', 'environments.id', 'servers.environment_id')
    .select([
      'environments.customer_id',
      'environments.name as environment_name',
      'servers.id',
      'servers.environment_id',
      'servers.host',
      'servers.role',
    ])
    .orderBy('servers.host')
    .execute();
}

function serversByCustomer(rows: Awaited<ReturnType<typeof serverRows>>): CustomerServers[] {
  const byCustomer = new Map<string, SummaryServer[]>();
  for (const row of rows) {
    const server: SummaryServer = {
      id: row.id,
      environmentId: row.environment_id,
      environmentName: row.environment_name,
      host: row.host,
      role: row.role as ServerRole,
    };
    const list = byCustomer.get(row.customer_id);
    if (list) list.push(server);
    else byCustomer.set(row.customer_id, [server]);
  }
  return [...byCustomer].map(([customerId, servers]) => ({ customerId, servers }));
}

/** Contacts opened per turn of main's event loop: some 100 ms under load, so another call is not held up longer. */
const CONTACTS_PER_TURN = 2_000;

/**
 * Every customer's contacts, opened and each customer's in name order: what the list's search needs after its first
 * paint. Opened a slice at a time, giving main's event loop back between slices: at 40,000 contacts the opening takes
 * seconds, and the person's next click (opening a customer) should not wait for all of it.
 */
export async function listCustomerContacts(db: Db): Promise<CustomerContacts[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(['customer_id', ...CONTACT_SEALED_COLUMNS])
    .execute();
  const byCustomer = new Map<string, SummaryContact[]>();
  for (let i = 0; i < rows.length; i += CONTACTS_PER_TURN) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const contact of await openContacts(db, rows.slice(i, i + CONTACTS_PER_TURN))) {
      const list = byCustomer.get(contact.customer_id);
      if (list) list.push(summaryContact(contact));
      else byCustomer.set(contact.customer_id, [summaryContact(contact)]);
    }
  }
  return [...byCustomer].map(([customerId, contacts]) => ({
    customerId,
    contacts: contacts.sort((a, b) => byName(a.name, b.name)),
  }));
}

function summaryContact(
  row: Pick<ContactsTable, 'name' | 'email' | 'phone' | 'admin_account'>,
): SummaryContact {
  return { name: row.name, email: row.email, phone: row.phone, adminAccount: row.admin_account };
}

export async function getCustomerDetail(db: Db, id: string): Promise<CustomerDetail> {
  const row = await db
    .selectFrom('customers')
    .innerJoin('users as creator', 'creator.id', 'customers.created_by')
    .innerJoin('users as updater', 'updater.id', 'customers.updated_by')
    .selectAll('customers')
    .select(['creator.name as creator_name', 'updater.name as updater_name'])
    .where('customers.id', '=', id)
    .executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');

  const [contacts, environments] = await Promise.all([
    db
      .selectFrom('contacts')
      .selectAll()
      .where('customer_id', '=', id)
      .execute()
      .then((rows) => openContacts(db, rows)),
    loadEnvironments(db, { customerIds: [id] }),
  ]);
  return {
    id: row.id,
    name: row.name,
    orgNumber: row.org_number,
    kind: row.kind as CustomerKind,
    notes: row.notes,
    responsiblePerson: responsiblePersonOf(row),
    createdAt: row.created_at,
    createdBy: row.creator_name,
    updatedAt: row.updated_at,
    updatedBy: row.updater_name,
    environments,
    contacts: contacts.map(contactView),
    rowVersion: row.row_version,
  };
}

/** The responsible person's columns; '' throughout when none is named. */
export function responsibleColumns(fields: CustomerFields) {
  return {
    responsible_name: fields.responsibleName,
    responsible_phone: fields.responsiblePhone,
    responsible_email: fields.responsibleEmail,
  };
}

export function responsiblePersonOf(row: {
  responsible_name: string;
  responsible_phone: string;
  responsible_email: string;
}): ResponsiblePersonView {
  if (row.responsible_name === '') return null;
  return { name: row.responsible_name, phone: row.responsible_phone, email: row.responsible_email };
}

export async function createCustomer(ctx: RegistryContext, fields: CustomerFields): Promise<string> {
  await assertOrgNumberFree(ctx.db, fields.orgNumber, null);
  const id = randomUUID();
  await ctx.db
    .insertInto('customers')
    .values({
      id,
      name: fields.name,
      org_number: fields.orgNumber,
      kind: fields.kind,
      notes: fields.notes,
      ...responsibleColumns(fields),
      ...createdStamp(ctx),
    })
    .execute();
  return id;
}

/** Compare-and-set on the version the person opened (`rowVersion`): a stale one is refused with CONFLICT. */
export async function updateCustomer(
  ctx: RegistryContext,
  id: string,
  rowVersion: number,
  fields: CustomerFields,
): Promise<void> {
  await assertOrgNumberFree(ctx.db, fields.orgNumber, id);
  const result = await ctx.db
    .updateTable('customers')
    .set({
      name: fields.name,
      org_number: fields.orgNumber,
      kind: fields.kind,
      notes: fields.notes,
      ...responsibleColumns(fields),
      ...updatedStamp(ctx),
    })
    .where('id', '=', id)
    .where('row_version', '=', rowVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw await staleSaveRefusal(ctx.db, ctx.actorId, {
      table: 'customers',
      id,
      record: 'customer',
      notFound: 'records.noSuchCustomer',
      view: () => getCustomerDetail(ctx.db, id),
      submitted: fields,
      stored: customerFieldsOf,
    });
  }
}

/** A customer's view as the fields its form submits (the responsible person flattened). */
export function customerFieldsOf(view: CustomerDetail): CustomerFields {
  return {
    name: view.name,
    orgNumber: view.orgNumber,
    kind: view.kind,
    notes: view.notes,
    responsibleName: view.responsiblePerson?.name ?? '',
    responsiblePhone: view.responsiblePerson?.phone ?? '',
    responsibleEmail: view.responsiblePerson?.email ?? '',
  };
}

/** Environments, servers, accounts and contacts go with the customer (foreign keys cascade). */
export async function deleteCustomer(ctx: RegistryContext, id: string): Promise<void> {
  // Logged and billed time is accounting material (kept seven years): it keeps its customer.
  const [time, batch] = await Promise.all([
    ctx.db
      .selectFrom('time_entries')
      .innerJoin('tickets', 'tickets.id', 'time_entries.ticket_id')
      .select('time_entries.id')
      .where('tickets.customer_id', '=', id)
      .limit(1)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('billing_batches')
      .select('id')
      .where('customer_id', '=', id)
      .limit(1)
      .executeTakeFirst(),
  ]);
  if (time || batch) {
    throw keyedError(
      'CONFLICT',
      batch ? 'records.customerHasApprovedMonths' : 'records.customerHasLoggedTime',
    );
  }
  await transact(ctx.db, async (trx) => {
    // Its contacts and tickets go with it, and so do their data keys.
    const [contacts, tickets, environments, accounts] = await Promise.all([
      trx.selectFrom('contacts').select('id').where('customer_id', '=', id).execute(),
      trx.selectFrom('tickets').select('id').where('customer_id', '=', id).execute(),
      trx.selectFrom('environments').select('id').where('customer_id', '=', id).execute(),
      trx
        .selectFrom('support_accounts')
        .innerJoin('environments', 'environments.id', 'support_accounts.environment_id')
        .select('support_accounts.id')
        .where('environments.customer_id', '=', id)
        .execute(),
    ]);
    const result = await trx.deleteFrom('customers').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw keyedError('NOT_FOUND', 'records.noSuchCustomer');
    await destroySecretKeys(trx, [
      ...environments.flatMap((e) => environmentKeyOwners(e.id)),
      ...accounts.flatMap((a) => accountKeyOwners(a.id)),
    ]);
    await destroyDataKeys(trx, [
      ...contacts.map((c) => contactOwner(c.id)),
      ...tickets.map((t) => ticketOwner(t.id)),
    ]);
  });
}

export async function saveContact(
  ctx: RegistryContext,
  customerId: string,
  id: string | undefined,
  rowVersion: number | undefined,
  fields: ContactFields,
): Promise<ContactView> {
  const flags = {
    admin_training_done: fields.adminTrainingDone ? 1 : 0,
    tool_training_done: fields.toolTrainingDone ? 1 : 0,
    is_primary: fields.isPrimary ? 1 : 0,
  };
  return transact(ctx.db, async (trx) => {
    await assertCustomerExists(trx, customerId);
    const savedView = async (contactId: string) => {
      const row = await trx
        .selectFrom('contacts')
        .selectAll()
        .where('id', '=', contactId)
        .executeTakeFirstOrThrow();
      return contactView((await openContacts(trx, [row]))[0]!);
    };
    if (fields.isPrimary) {
      // One primary per customer (a unique index holds it): naming a new one is "make primary", as in a helpdesk.
      let previous = trx
        .updateTable('contacts')
        .set({ is_primary: 0, ...updatedStamp(ctx) })
        .where('customer_id', '=', customerId)
        .where('is_primary', '=', 1);
      if (id !== undefined) previous = previous.where('id', '!=', id);
      await previous.execute();
    }
    if (id === undefined) {
      const newId = randomUUID();
      const sealed = await sealPersonalFields(trx, contactOwner(newId), contactTexts(fields));
      await trx
        .insertInto('contacts')
        .values({ id: newId, customer_id: customerId, ...sealed, ...flags, ...createdStamp(ctx) })
        .execute();
      await touchCustomer(trx, ctx, customerId);
      return savedView(newId);
    }
    const stored = await trx
      .selectFrom('contacts')
      .select(CONTACT_SEALED_COLUMNS)
      .where('id', '=', id)
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    if (!stored) throw keyedError('NOT_FOUND', 'records.noSuchContactForCustomer');
    const sealed = await resealChanged(
      trx,
      contactOwner(id),
      stored,
      contactTexts(fields),
      contactColumnNames,
    );
    const result = await trx
      .updateTable('contacts')
      .set({ ...sealed, ...flags, ...updatedStamp(ctx) })
      .where('id', '=', id)
      .where('row_version', '=', openedVersion(rowVersion))
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw await staleSaveRefusal(trx, ctx.actorId, {
        table: 'contacts',
        id,
        record: 'contact',
        notFound: 'records.noSuchContactForCustomer',
        view: () => savedView(id),
        submitted: fields,
      });
    }
    await touchCustomer(trx, ctx, customerId);
    return savedView(id);
  });
}

/** One contact's view (its personal fields opened), or null when there is none. */
export async function findContact(db: Db, id: string): Promise<ContactView | null> {
  const row = await db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? contactView((await openContacts(db, [row]))[0]!) : null;
}

/** The contact's row and its data key go together: its details cannot be read again, wherever they were copied. */
export async function deleteContact(ctx: RegistryContext, id: string): Promise<string> {
  return transact(ctx.db, (trx) => deleteContactIn(trx, ctx, id));
}

/** deleteContact's work inside a transaction the caller holds (a GDPR erase deletes several with its other work). */
export async function deleteContactIn(trx: Db, ctx: RegistryContext, id: string): Promise<string> {
  const row = await trx.selectFrom('contacts').select('customer_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw keyedError('NOT_FOUND', 'records.noSuchContact');
  await trx.deleteFrom('contacts').where('id', '=', id).execute();
  await destroyDataKeys(trx, [contactOwner(id)]);
  await touchCustomer(trx, ctx, row.customer_id);
  return row.customer_id;
}

async function assertOrgNumberFree(db: Db, orgNumber: string, exceptId: string | null): Promise<void> {
  let query = db.selectFrom('customers').select(['id', 'name']).where('org_number', '=', orgNumber);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  const clash = await query.executeTakeFirst();
  if (clash) {
    throw keyedError(
      'CONFLICT',
      'records.orgNumberTaken',
      { customer: clash.name, orgNumber },
      { issues: [keyedIssue('orgNumber', 'records.orgNumberUsedBy', { customer: clash.name })] },
    );
  }
}
