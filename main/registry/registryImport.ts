import { newOwnersSealer } from '../vault/secretVault.ts';
import { randomUUID } from 'node:crypto';
import { keyedError, type LotsenError } from '../../common/api/errors.ts';
import { cutText, IssueReport, MAX_ISSUE_RECORD_CHARS } from '../../common/api/limits.ts';
import {
  registryFileCustomerSchema,
  registryFileEnvelopeSchema,
  type ImportSummary,
  type RegistryFileCustomer,
} from '../../common/registry/registryFile.ts';
import { writeAgreement } from '../agreements/agreementRepository.ts';
import { writeDpa } from '../agreements/dpaRepository.ts';
import { sealPersonalFields } from '../personalData/personalDataKeys.ts';
import type { Db } from '../store/database.node.ts';
import type { OfficeCalendar } from '../tickets/officeCalendar.ts';
import { writeTicket } from '../tickets/ticketRepository.ts';
import { contactOwner, contactTexts } from './contactPersonalFields.ts';
import { responsibleColumns } from './customerRepository.ts';
import { createdStamp, type RegistryContext } from './registryContext.ts';

const serviceKey = (agreementReference: string, serviceName: string) =>
  `${agreementReference}\u0000${serviceName}`;

/** Runs the import's writes in one transaction; the API's handler writes the audit event in the same one. */
type InTransaction = (work: (trx: Db) => Promise<ImportSummary>) => Promise<ImportSummary>;

/**
 * All or nothing: every record is checked first (fields, organisation numbers, duplicates within the file and
 * against the store) and every problem is reported at once; only a clean file is written, in one transaction.
 */
export async function importRegistry(
  ctx: RegistryContext,
  calendar: OfficeCalendar,
  raw: unknown,
  inTransaction: InTransaction = (work) => ctx.db.transaction().execute(work),
): Promise<ImportSummary> {
  const issues = new IssueReport();
  const envelope = registryFileEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    issues.addZod(envelope.error);
    throw registryFileRefused(issues);
  }

  const customers: RegistryFileCustomer[] = [];
  const firstIndexByOrgNumber = new Map<string, number>();
  const existing = new Map(
    (await ctx.db.selectFrom('customers').select(['org_number', 'name']).execute()).map((row) => [
      row.org_number,
      row.name,
    ]),
  );

  envelope.data.customers.forEach((candidate, index) => {
    const customer = checkCustomerRecord(candidate, index, issues);
    if (customer === null) return;
    const record = recordLabel(candidate, index);
    const earlier = firstIndexByOrgNumber.get(customer.orgNumber);
    if (earlier !== undefined) {
      issues.add({
        path: `customers.${index}.orgNumber`,
        record,
        message: `Duplicate organisation number ${customer.orgNumber}: customers.${earlier} has it too`,
      });
    } else if (existing.has(customer.orgNumber)) {
      issues.add({
        path: `customers.${index}.orgNumber`,
        record,
        message: `Organisation number ${customer.orgNumber} is already in the registry (${existing.get(customer.orgNumber)})`,
      });
    } else {
      firstIndexByOrgNumber.set(customer.orgNumber, index);
    }
    customers.push(customer);
  });
  if (issues.count > 0) throw registryFileRefused(issues);

  const summary: ImportSummary = {
    customers: 0,
    contacts: 0,
    environments: 0,
    servers: 0,
    supportAccounts: 0,
    agreements: 0,
    dpas: 0,
    tickets: 0,
    preConnectCommands: 0,
  };
  await inTransaction(async (trx) => {
    const sealNew = newOwnersSealer(trx);
    for (const customer of customers) {
      await insertCustomer(trx, ctx, calendar, customer, summary, sealNew);
    }
    return summary;
  });
  return summary;
}

async function insertCustomer(
  db: Db,
  ctx: RegistryContext,
  calendar: OfficeCalendar,
  customer: RegistryFileCustomer,
  summary: ImportSummary,
  sealNew: ReturnType<typeof newOwnersSealer>,
) {
  const environmentIds = new Map<string, string>();
  const stamp = createdStamp(ctx);
  const customerId = randomUUID();
  await db
    .insertInto('customers')
    .values({
      id: customerId,
      name: customer.name,
      org_number: customer.orgNumber,
      kind: customer.kind,
      notes: customer.notes,
      ...responsibleColumns(customer),
      ...stamp,
    })
    .execute();
  summary.customers += 1;
  for (const contact of customer.contacts) {
    const contactId = randomUUID();
    await db
      .insertInto('contacts')
      .values({
        id: contactId,
        customer_id: customerId,
        ...(await sealPersonalFields(db, contactOwner(contactId), contactTexts(contact))),
        admin_training_done: contact.adminTrainingDone ? 1 : 0,
        tool_training_done: contact.toolTrainingDone ? 1 : 0,
        is_primary: contact.isPrimary ? 1 : 0,
        ...stamp,
      })
      .execute();
    summary.contacts += 1;
  }
  for (const environment of customer.environments) {
    const environmentId = randomUUID();
    environmentIds.set(environment.name, environmentId);
    const { access } = environment;
    await db
      .insertInto('environments')
      .values({
        id: environmentId,
        customer_id: customerId,
        name: environment.name,
        notes: environment.notes,
        vpn_type: access.vpnType,
        vpn_gateway: access.vpnGateway,
        teamviewer_id: access.teamViewerId,
        access_method: access.method,
        supported_tools: JSON.stringify(access.supportedTools),
        // Imported templates are inert until approved on each machine, as pre-connect commands are.
        tool_templates: JSON.stringify(access.toolTemplates),
        access_notes: access.notes,
        pre_connect_command: access.preConnectCommand,
        vpn_client: access.vpnClient,
        disconnect_command: access.disconnectCommand,
        split_tunnel: access.splitTunnel,
        access_tool: access.accessTool,
        special_configuration_needed: access.specialConfigurationNeeded ? 1 : 0,
        special_configuration: access.specialConfiguration,
        // Sealed under the new environment's data key, in the import's transaction, as accounts' secrets are.
        pre_connect_secret:
          access.preConnectSecret === undefined
            ? null
            : await sealNew({ kind: 'environment', id: environmentId }, access.preConnectSecret),
        ...stamp,
      })
      .execute();
    summary.environments += 1;
    if (access.preConnectCommand !== '') summary.preConnectCommands += 1;
    for (const { rdpPort, ...server } of environment.servers) {
      await db
        .insertInto('servers')
        .values({ id: randomUUID(), environment_id: environmentId, ...server, rdp_port: rdpPort, ...stamp })
        .execute();
      summary.servers += 1;
    }
    for (const account of environment.supportAccounts) {
      const accountId = randomUUID();
      await db
        .insertInto('support_accounts')
        .values({
          id: accountId,
          environment_id: environmentId,
          username: account.username,
          notes: account.notes,
          // Sealed under the new account's data key, in the import's transaction (main/vault/secretVault.ts).
          secret:
            account.secret === undefined
              ? null
              : await sealNew({ kind: 'account', id: accountId }, account.secret),
          secret_updated_at: account.secret === undefined ? null : stamp.created_at,
          ...stamp,
        })
        .execute();
      summary.supportAccounts += 1;
    }
  }
  const serviceIds = new Map<string, string>();
  /** Each service's environment, for a ticket that names the service and no environment. */
  const serviceEnvironments = new Map<string, string | null>();
  for (const agreement of customer.agreements) {
    const saved = await writeAgreement(db, ctx, customerId, undefined, undefined, {
      ...agreement,
      services: agreement.services.map(({ environment, ...service }) => ({
        ...service,
        environmentId: environment === null ? null : environmentIds.get(environment)!,
      })),
    });
    for (const service of saved.services) {
      serviceIds.set(serviceKey(agreement.reference, service.name), service.id);
      serviceEnvironments.set(service.id, service.environmentId);
    }
    summary.agreements += 1;
  }
  for (const dpa of customer.dpas) {
    await writeDpa(db, ctx, customerId, undefined, undefined, dpa);
    summary.dpas += 1;
  }
  for (const {
    service,
    environment,
    receivedAt,
    firstResponseAt,
    escalatedAt,
    ...ticket
  } of customer.tickets) {
    const serviceId = service === null ? null : serviceIds.get(serviceKey(service.agreement, service.name))!;
    // A ticket about a service tied to an environment is about that environment, as the ticket form fills it in.
    const environmentId =
      environment !== null
        ? environmentIds.get(environment)!
        : serviceId === null
          ? null
          : (serviceEnvironments.get(serviceId) ?? null);
    await writeTicket(db, ctx, calendar, undefined, undefined, {
      ...ticket,
      customerId,
      receivedAt: Date.parse(receivedAt),
      firstResponseAt: firstResponseAt === null ? null : Date.parse(firstResponseAt),
      escalatedAt: escalatedAt === null ? null : Date.parse(escalatedAt),
      serviceId,
      environmentId,
    });
    summary.tickets += 1;
  }
}

/**
 * Checks one customer of a registry file on its own, adding its problems to `report` under the record's name; the
 * customer when it is valid. The CLI checks a file with it as it reads, before the import checks the whole.
 */
export function checkCustomerRecord(
  candidate: unknown,
  index: number,
  report: IssueReport,
): RegistryFileCustomer | null {
  const parsed = registryFileCustomerSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  report.addZod(parsed.error, ['customers', index], recordLabel(candidate, index));
  return null;
}

function recordLabel(candidate: unknown, index: number): string {
  const name = (candidate as { name?: unknown } | null)?.name;
  // Cut before trimming: the label is built for every record, and a name may be a megabyte long.
  const shown = typeof name === 'string' ? cutText(name, MAX_ISSUE_RECORD_CHARS).trim() : '';
  return shown !== '' ? `customer ${index + 1} "${shown}"` : `customer ${index + 1}`;
}

export function registryFileRefused(issues: IssueReport): LotsenError {
  const counts = { count: issues.count, unchecked: issues.uncheckedRecords };
  const key =
    counts.unchecked === 0 ? 'records.registryFileNotImported' : 'records.registryFileNotImportedUnchecked';
  return keyedError('VALIDATION', key, counts, { issues: issues.issues() });
}
