import type { AgreementView, DpaView } from '../../common/agreements/model.ts';
import type {
  ContactView,
  CustomerDetail,
  EnvironmentView,
  ServerView,
  SupportAccountView,
} from '../../common/registry/model.ts';
import type { Backend } from '../app/backend.node.ts';
import { customerFieldsOf } from '../registry/customerRepository.ts';
import type { RegistryContext } from '../registry/registryContext.ts';
import type { AuditInput } from './auditTrail.node.ts';
import { recordFields, type RecordKind, type RecordValue } from './recordFields.ts';

/*
 * What a change to the registry, an agreement or a DPA says in the audit log: which record, which of its fields
 * changed, and for the fields that are neither personal nor secret nor free text, the value before and after. A
 * contact's details, the responsible person, a DPA's signatory and an account's username are personal data; notes,
 * pre-connect commands and special configurations are free text that may hold anything; secrets are secrets. Those
 * are named, never their values.
 */

type Flat = Record<string, RecordValue>;

const flatten = {
  customer: (c: CustomerDetail): Flat => customerFieldsOf(c),
  contact: (c: ContactView): Flat => ({
    name: c.name,
    email: c.email,
    phone: c.phone,
    role: c.role,
    adminAccount: c.adminAccount,
    adminTrainingDone: c.adminTrainingDone,
    toolTrainingDone: c.toolTrainingDone,
    isPrimary: c.isPrimary,
  }),
  environment: (e: EnvironmentView): Flat => ({
    name: e.name,
    notes: e.notes,
    vpnType: e.access.vpnType,
    vpnGateway: e.access.vpnGateway,
    teamViewerId: e.access.teamViewerId,
    accessMethod: e.access.method,
    supportedTools: e.access.supportedTools,
    accessNotes: e.access.notes,
    preConnectCommand: e.access.preConnectCommand,
    vpnClient: e.access.vpnClient,
    disconnectCommand: e.access.disconnectCommand,
    splitTunnel: e.access.splitTunnel,
    accessTool: e.access.accessTool,
    specialConfigurationNeeded: e.access.specialConfigurationNeeded,
    specialConfiguration: e.access.specialConfiguration,
    hasPreConnectSecret: e.access.hasPreConnectSecret,
    hasVpnTotpSeed: e.access.hasVpnTotpSeed,
    toolTemplates: e.access.toolTemplates.map((t) => `${t.tool}: ${t.template}`),
  }),
  server: (s: ServerView): Flat => ({
    host: s.host,
    port: s.port,
    role: s.role,
    os: s.os,
    notes: s.notes,
    shell: s.shell,
    rdpPort: s.rdpPort,
  }),
  support_account: (a: SupportAccountView): Flat => ({
    username: a.username,
    notes: a.notes,
    hasSecret: a.hasSecret,
    hasTotpSeed: a.hasTotpSeed,
  }),
  agreement: (a: AgreementView): Flat => ({
    reference: a.reference,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    responseHours: a.responseHours,
    acuteEscalation: a.acuteEscalation.enabled,
    acuteFeeOre: a.acuteEscalation.feeOre,
    allowedContacts: a.allowedContacts,
    // A service is its kind and name; where it applies is an id, compared but not worth a word of its own.
    services: a.services.map((s) => `${s.kind}: ${s.name}${s.environmentId ? ` @${s.environmentId}` : ''}`),
    hourlyRatesOre: Object.entries(a.hourlyRatesOre)
      .filter(([, ore]) => ore !== undefined)
      .map(([type, ore]) => `${type}: ${ore}`)
      .sort(),
    roundingIncrementMinutes: a.rounding.incrementMinutes,
    roundingScope: a.rounding.scope,
    minimumMinutes: a.rounding.minimumMinutes,
    notes: a.notes,
  }),
  dpa: (d: DpaView): Flat => ({
    signedOn: d.signedOn,
    reference: d.reference,
    version: d.version,
    signatory: d.signatory,
    endsOn: d.endsOn,
    document: d.document,
    notes: d.notes,
  }),
} satisfies Record<RecordKind, (view: never) => Flat>;

type ViewOf<K extends RecordKind> = Parameters<(typeof flatten)[K]>[0];

const same = (a: RecordValue | undefined, b: RecordValue | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Where the record is: its customer, and its environment for a server or an account. */
export interface RecordPlace {
  customerId: string;
  environmentId?: string;
}

/**
 * The audit event of one record's change, from its view before (null: added) and after (null: deleted). `secrets`
 * names secret fields written (their values never reach this function). Null when nothing changed: a save of an
 * unchanged form is no event.
 */
export function recordChange<K extends RecordKind>(
  record: K,
  id: string,
  place: RecordPlace,
  before: ViewOf<K> | null,
  after: ViewOf<K> | null,
  secrets: readonly string[] = [],
): AuditInput | null {
  const subject = { type: record, id };
  if (after === null) {
    return { event: 'registry.record_deleted', subject, details: { record, ...place } };
  }
  const flat = flatten[record] as (view: ViewOf<K>) => Flat;
  const old: Flat = before === null ? {} : flat(before);
  const now = flat(after);
  const open: readonly string[] = recordFields[record].open;
  const fields = Object.keys(now).filter((field) =>
    before === null
      ? !same(now[field], '') && !same(now[field], []) && !same(now[field], null)
      : !same(old[field], now[field]),
  );
  for (const secret of secrets) if (!fields.includes(secret)) fields.push(secret);
  if (before !== null && fields.length === 0) return null;
  const changes: Record<string, readonly [RecordValue, RecordValue]> = {};
  for (const field of fields) {
    if (open.includes(field)) changes[field] = [before === null ? null : old[field]!, now[field]!];
  }
  return {
    event: before === null ? 'registry.record_added' : 'registry.record_changed',
    subject,
    details: { record, ...place, fields, changes },
  };
}

/**
 * Runs a registry write and appends the event `describe` makes of its result in the same transaction: a change that
 * cannot be audited is not made, and a refused or rolled-back one leaves no event.
 */
export function auditedRegistryWrite(backend: Backend) {
  return <T>(work: (ctx: RegistryContext) => Promise<T>, describe: (result: T) => AuditInput | null) =>
    backend.audit().appendWith((trx) => work({ ...backend.registryContext(), db: trx }), describe);
}
