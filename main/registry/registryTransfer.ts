import { randomUUID } from 'node:crypto';
import { issuesFromZod, LotsenError, type FieldIssue } from '../../common/api/errors.ts';
import {
  REGISTRY_FILE_FORMAT,
  REGISTRY_FILE_VERSION,
  registryFileCustomerSchema,
  registryFileEnvelopeSchema,
  type ImportSummary,
  type RegistryFile,
  type RegistryFileCustomer,
} from '../../common/registry/registryFile.ts';
import type { Db } from '../store/database.node.ts';
import { createdStamp, type RegistryContext } from './registryContext.ts';


/**
 * All or nothing: every record is checked first (fields, organisation numbers, duplicates within the file and
 * against the store) and every problem is reported at once; only a clean file is written, in one transaction.
 */
export async function importRegistry(ctx: RegistryContext, raw: unknown): Promise<ImportSummary> {
  const envelope = registryFileEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw rejected(issuesFromZod(envelope.error));
  }

  const issues: FieldIssue[] = [];
  const customers: RegistryFileCustomer[] = [];
  const firstIndexByOrgNumber = new Map<string, number>();
  const existing = new Map(
    (await ctx.db.selectFrom('customers').select(['org_number', 'name']).execute()).map((row) => [row.org_number, row.name]),
  );

  envelope.data.customers.forEach((candidate, index) => {
    const record = recordLabel(candidate, index);
    const parsed = registryFileCustomerSchema.safeParse(candidate);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, ['customers', index]).map((issue) => ({ ...issue, record })));
      return;
    }
    const customer = parsed.data;
    const earlier = firstIndexByOrgNumber.get(customer.orgNumber);
    if (earlier !== undefined) {
      issues.push({
        path: `customers.${index}.orgNumber`,
        record,
        message: `Duplicate organisation number ${customer.orgNumber}: customers.${earlier} has it too`,
      });
    } else if (existing.has(customer.orgNumber)) {
      issues.push({
        path: `customers.${index}.orgNumber`,
        record,
        message: `Organisation number ${customer.orgNumber} is already in the registry (${existing.get(customer.orgNumber)})`,
      });
    } else {
      firstIndexByOrgNumber.set(customer.orgNumber, index);
    }
    customers.push(customer);
  });
  if (issues.length > 0) throw rejected(issues);

  const summary: ImportSummary = { customers: 0, contacts: 0, environments: 0, servers: 0, supportAccounts: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const customer of customers) {
      await insertCustomer(trx, ctx, customer, summary);
    }
  });
  return summary;
}

async function insertCustomer(db: Db, ctx: RegistryContext, customer: RegistryFileCustomer, summary: ImportSummary) {
  const stamp = createdStamp(ctx);
  const customerId = randomUUID();
  await db
    .insertInto('customers')
    .values({ id: customerId, name: customer.name, org_number: customer.orgNumber, kind: customer.kind, notes: customer.notes, ...stamp })
    .execute();
  summary.customers += 1;
  for (const contact of customer.contacts) {
    await db
      .insertInto('contacts')
      .values({
        id: randomUUID(),
        customer_id: customerId,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        role: contact.role,
        admin_training_done: contact.adminTrainingDone ? 1 : 0,
        tool_training_done: contact.toolTrainingDone ? 1 : 0,
        ...stamp,
      })
      .execute();
    summary.contacts += 1;
  }
  for (const environment of customer.environments) {
    const environmentId = randomUUID();
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
        access_notes: access.notes,
        ...stamp,
      })
      .execute();
    summary.environments += 1;
    for (const server of environment.servers) {
      await db
        .insertInto('servers')
        .values({ id: randomUUID(), environment_id: environmentId, ...server, ...stamp })
        .execute();
      summary.servers += 1;
    }
    for (const account of environment.supportAccounts) {
      await db
        .insertInto('support_accounts')
        .values({
          id: randomUUID(),
          environment_id: environmentId,
          username: account.username,
          notes: account.notes,
          secret: account.secret ?? null,
          secret_updated_at: account.secret === undefined ? null : stamp.created_at,
          ...stamp,
        })
        .execute();
      summary.supportAccounts += 1;
    }
  }
}

const collator = new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });
const compare = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The whole registry as an exchange file, in a canonical order (by name, then number), so two exports of the same
 * registry are byte-identical and diffs between exports show real changes. Secrets only with `includeSecrets`.
 */
export async function exportRegistry(db: Db, options: { includeSecrets: boolean; now: number }): Promise<RegistryFile> {
  const [customers, contacts, environments, servers, accounts] = await Promise.all([
    db.selectFrom('customers').selectAll().execute(),
    db.selectFrom('contacts').selectAll().execute(),
    db.selectFrom('environments').selectAll().execute(),
    db.selectFrom('servers').selectAll().execute(),
    db
      .selectFrom('support_accounts')
      .select(['environment_id', 'username', 'notes'])
      .$if(options.includeSecrets, (q) => q.select('secret'))
      .execute(),
  ]);

  const file: RegistryFile = {
    format: REGISTRY_FILE_FORMAT,
    version: REGISTRY_FILE_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    includesSecrets: options.includeSecrets,
    customers: customers
      .sort((a, b) => compare(a.name, b.name) || compare(a.org_number, b.org_number))
      .map((customer) => ({
        name: customer.name,
        orgNumber: customer.org_number,
        kind: customer.kind as RegistryFileCustomer['kind'],
        notes: customer.notes,
        contacts: contacts
          .filter((c) => c.customer_id === customer.id)
          .sort((a, b) => compare(a.name, b.name) || compare(a.email, b.email))
          .map((c) => ({
            name: c.name,
            email: c.email,
            phone: c.phone,
            role: c.role,
            adminTrainingDone: c.admin_training_done === 1,
            toolTrainingDone: c.tool_training_done === 1,
          })),
        environments: environments
          .filter((e) => e.customer_id === customer.id)
          .sort((a, b) => compare(a.name, b.name))
          .map((e) => ({
            name: e.name,
            notes: e.notes,
            access: {
              vpnType: e.vpn_type as RegistryFileCustomer['environments'][number]['access']['vpnType'],
              vpnGateway: e.vpn_gateway,
              teamViewerId: e.teamviewer_id,
              method: e.access_method as RegistryFileCustomer['environments'][number]['access']['method'],
              supportedTools: JSON.parse(e.supported_tools) as string[],
              notes: e.access_notes,
            },
            servers: servers
              .filter((s) => s.environment_id === e.id)
              .sort((a, b) => compare(a.host, b.host) || a.port - b.port)
              .map((s) => ({
                host: s.host,
                port: s.port,
                role: s.role as RegistryFileCustomer['environments'][number]['servers'][number]['role'],
                os: s.os,
                notes: s.notes,
              })),
            supportAccounts: accounts
              .filter((a) => a.environment_id === e.id)
              .sort((a, b) => compare(a.username, b.username))
              .map((a) => {
                const secret = (a as { secret?: string | null }).secret;
                return options.includeSecrets && typeof secret === 'string'
                  ? { username: a.username, notes: a.notes, secret }
                  : { username: a.username, notes: a.notes };
              }),
          })),
      })),
  };
  return file;
}

function recordLabel(candidate: unknown, index: number): string {
  const name = (candidate as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name.trim() !== '' ? `customer ${index + 1} "${name.trim()}"` : `customer ${index + 1}`;
}

function rejected(issues: FieldIssue[]): LotsenError {
  return new LotsenError(
    'VALIDATION',
    `The registry file was not imported: ${issues.length} problem${issues.length === 1 ? '' : 's'}. Nothing was written.`,
    { issues },
  );
}
