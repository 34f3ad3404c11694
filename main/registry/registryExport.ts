import type { VpnClient } from '../../common/sessions/vpn.ts';
import { openSecrets } from '../vault/secretVault.ts';
import {
  REGISTRY_FILE_FORMAT,
  REGISTRY_FILE_VERSION,
  type RegistryFileCustomer,
  type RegistryFile,
} from '../../common/registry/registryFile.ts';
import { listAgreements } from '../agreements/agreementRepository.ts';
import { listDpas } from '../agreements/dpaRepository.ts';
import type { Db } from '../store/database.node.ts';
import { formatInstant } from '../tickets/formatInstant.ts';
import { listTickets } from '../tickets/ticketRepository.ts';
import { openContacts } from './contactPersonalFields.ts';
import { environmentColumns } from './environmentRepository.ts';
import type { ServerShell, ToolTemplate } from '../../common/registry/model.ts';
import { swedishCompare } from '../../common/swedishCollation.ts';

const byCollation = swedishCompare({ sensitivity: 'variant', numeric: true });
const compare = (a: string, b: string) => byCollation(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The whole registry as an exchange file, in a canonical order (by name, then number), so two exports of the same
 * registry are byte-identical and diffs between exports show real changes. Secrets only with `includeSecrets`.
 */
export async function exportRegistry(
  db: Db,
  options: { includeSecrets: boolean; now: number },
): Promise<RegistryFile> {
  const [customers, contacts, environments, servers, accounts] = await Promise.all([
    db.selectFrom('customers').selectAll().execute(),
    db
      .selectFrom('contacts')
      .selectAll()
      .execute()
      .then((rows) => openContacts(db, rows)),
    db
      .selectFrom('environments')
      .select(environmentColumns)
      .$if(options.includeSecrets, (q) => q.select('pre_connect_secret'))
      .execute()
      .then((rows) => openSealedColumn(db, rows, 'pre_connect_secret')),
    db.selectFrom('servers').selectAll().execute(),
    db
      .selectFrom('support_accounts')
      .select(['environment_id', 'username', 'notes'])
      .$if(options.includeSecrets, (q) => q.select('secret'))
      .execute()
      .then((rows) => openSealedColumn(db, rows, 'secret')),
  ]);
  const customerIds = customers.map((c) => c.id);
  const [agreements, dpas, tickets] = await Promise.all([
    listAgreements(db, customerIds),
    listDpas(db, customerIds),
    listTickets(db),
  ]);
  const environmentName = new Map(environments.map((e) => [e.id, e.name]));
  const serviceRef = new Map(
    agreements.flatMap((a) =>
      a.services.map((s) => [s.id, { agreement: a.reference, name: s.name }] as const),
    ),
  );

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
        responsibleName: customer.responsible_name,
        responsiblePhone: customer.responsible_phone,
        responsibleEmail: customer.responsible_email,
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
            adminAccount: c.admin_account,
            isPrimary: c.is_primary === 1,
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
              preConnectCommand: e.pre_connect_command,
              vpnClient: e.vpn_client as VpnClient,
              disconnectCommand: e.disconnect_command,
              ...secretEntry(
                'preConnectSecret',
                (e as { pre_connect_secret?: string | null }).pre_connect_secret,
              ),
              splitTunnel:
                e.split_tunnel as RegistryFileCustomer['environments'][number]['access']['splitTunnel'],
              accessTool: e.access_tool,
              specialConfigurationNeeded: e.special_configuration_needed === 1,
              specialConfiguration: e.special_configuration,
              toolTemplates: JSON.parse(e.tool_templates) as ToolTemplate[],
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
                shell: s.shell as ServerShell,
                rdpPort: s.rdp_port,
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
        agreements: agreements
          .filter((a) => a.customerId === customer.id)
          .sort((a, b) => compare(a.startsOn, b.startsOn) || compare(a.reference, b.reference))
          // A row's version is this store's count of its changes, not part of the record: the file leaves it out.
          .map(({ id: _id, customerId: _customer, rowVersion: _version, services, ...agreement }) => ({
            ...agreement,
            services: services.map((s) => ({
              kind: s.kind,
              name: s.name,
              environment: s.environmentId === null ? null : (environmentName.get(s.environmentId) ?? null),
            })),
          })),
        dpas: dpas
          .filter((d) => d.customerId === customer.id)
          .sort((a, b) => compare(a.signedOn, b.signedOn) || compare(a.reference, b.reference))
          .map(({ id: _id, customerId: _customer, rowVersion: _version, ...dpa }) => dpa),
        tickets: tickets
          .filter((t) => t.customerId === customer.id)
          .sort((a, b) => a.receivedAt - b.receivedAt || compare(a.subject, b.subject))
          .map((t) => ({
            externalRef: t.externalRef,
            externalUrl: t.externalUrl,
            requesterName: t.requesterName,
            requesterEmail: t.requesterEmail,
            service: t.serviceId === null ? null : (serviceRef.get(t.serviceId) ?? null),
            environment: t.environmentId === null ? null : (environmentName.get(t.environmentId) ?? null),
            subject: t.subject,
            description: t.description,
            priority: t.priority,
            receivedAt: formatInstant(t.receivedAt),
            status: t.status,
            firstResponseAt: t.firstResponseAt === null ? null : formatInstant(t.firstResponseAt),
            escalatedAt: t.escalatedAt === null ? null : formatInstant(t.escalatedAt),
            affectedUsers: t.affectedUsers,
            schoolAndClass: t.schoolAndClass,
            problemStarted: t.problemStarted,
            hasScreenshot: t.hasScreenshot,
            pageLinks: t.pageLinks,
            browser: t.browser,
          })),
      })),
  };
  return file;
}

/** An export with secrets carries them opened (the file is the person's to protect); the store holds them sealed. */
async function openSealedColumn<R extends object>(
  db: Db,
  rows: R[],
  column: 'secret' | 'pre_connect_secret',
): Promise<R[]> {
  const valueOf = (r: R) => (r as Record<string, unknown>)[column];
  const sealed = rows.flatMap((r) => {
    const value = valueOf(r);
    return typeof value === 'string' ? [value] : [];
  });
  if (sealed.length === 0) return rows;
  const opened = await openSecrets(db, sealed);
  let next = 0;
  return rows.map((r) => (typeof valueOf(r) === 'string' ? { ...r, [column]: opened[next++]! } : r));
}

/** A secret's entry in the file, only where one was selected (an export with secrets) and is stored. */
function secretEntry<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}
