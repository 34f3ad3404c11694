import { LotsenError } from '../../common/api/errors.ts';
import type { AuditEventCode } from '../../common/audit/auditEvents.ts';

/*
 * What an audit event's details may hold, declared once per event: ids, codes, numbers, booleans, and personal text
 * that the trail seals before it is hashed (under its ticket's data key, or the Stockholm month of the event when no
 * ticket owns it). The hash chain is then computed over what a purge leaves unchanged: destroying a data key makes
 * the sealed text unreadable without changing a byte the chain covers. A detail no declaration names, clear text
 * under a personal key, or anything but an id under an id key is refused, so the event (and with appendWith, the act
 * it records) is not written.
 */

/**
 * - `id`: a UUID, `ids` a list of them. `code`/`codes`: ASCII without spaces or `@` (event codes, hashes, fingerprints, months, formats).
 * - `number`/`numbers`, `boolean`. `personal`: free or personal text, passed as `personalDetail(...)`, stored sealed.
 */
export type AuditDetailKind = 'id' | 'ids' | 'code' | 'codes' | 'number' | 'numbers' | 'boolean' | 'personal';

export const auditDetailKinds: Record<AuditEventCode, Record<string, AuditDetailKind>> = {
  'session.opened': { kind: 'code', title: 'personal', ticketId: 'id', customerId: 'id' },
  'session.closed': { ticketId: 'id', title: 'personal', code: 'code', message: 'personal' },
  'session.disconnected': { ticketId: 'id', title: 'personal', code: 'code', message: 'personal' },
  'eligibility.overridden': { ticketId: 'id', customerId: 'id', blockers: 'codes', reason: 'personal' },
  'hostkey.trusted': { keyType: 'code', fingerprint: 'code', sessionId: 'id' },
  'hostkey.replaced': {
    keyType: 'code',
    fingerprint: 'code',
    replaced: 'code',
    reason: 'personal',
    sessionId: 'id',
  },
  // The account's username may be a person's own admin account, and the purpose is whatever was typed.
  'secret.revealed': { username: 'personal', environmentId: 'id', purpose: 'personal' },
  // Paths may name people (a home folder, a file named after a requester).
  'recording.exported': {
    file: 'personal',
    bytes: 'number',
    sessionId: 'id',
    ticketId: 'id',
    title: 'personal',
  },
  'registry.exported_with_secrets': { customers: 'number', to: 'personal' },
  'billing.month_approved': {
    number: 'number',
    month: 'code',
    customerId: 'id',
    entries: 'number',
    lines: 'number',
    actualMinutes: 'number',
    billedMinutes: 'number',
    amountOre: 'number',
  },
  'billing.exported': {
    month: 'code',
    format: 'code',
    excelSv: 'boolean',
    rows: 'number',
    bytes: 'number',
    sha256: 'code',
    preview: 'boolean',
    batches: 'numbers',
    to: 'personal',
  },
  'billing.adjustment_added': {
    adjustmentId: 'id',
    customerId: 'id',
    ticketId: 'id',
    month: 'code',
    minutes: 'number',
    note: 'personal',
  },
  'store.backed_up': { file: 'personal', bytes: 'number', events: 'number' },
  'preconnect.approved': { commandSha256: 'code', machineId: 'id' },
  'preconnect.ran': {
    ticketId: 'id',
    environmentId: 'id',
    commandSha256: 'code',
    exitCode: 'number',
    signal: 'code',
    succeeded: 'boolean',
    durationMs: 'number',
  },
  'registry.imported': {
    customers: 'number',
    contacts: 'number',
    environments: 'number',
    servers: 'number',
    supportAccounts: 'number',
    agreements: 'number',
    dpas: 'number',
    tickets: 'number',
    preConnectCommands: 'number',
  },
  'report.access_exported': { from: 'number', to: 'number', sessions: 'number', exports: 'number' },
  'retention.purged': {
    purgeDate: 'code',
    tickets: 'number',
    monthKeys: 'number',
    keysDestroyed: 'number',
    recordings: 'number',
    customerIds: 'ids',
    customerTickets: 'numbers',
  },
  // The exception's reason is sealed on the ticket's escalation record; the event holds the fee only.
  'ticket.escalation_exception': {
    ticketId: 'id',
    customerId: 'id',
    escalatedAt: 'number',
    feeOre: 'number',
  },
  'ticket.first_response_recorded': { sessionId: 'id', firstResponseAt: 'number' },
  'ticket.sent_back': { customerId: 'id' },
  'settings.price_list_changed': { acuteEscalationOreBefore: 'number', acuteEscalationOre: 'number' },
  'retention.policy_changed': { purgeMonthDay: 'code', keepClosedDays: 'number' },
  // The e-mail a GDPR request named is personal; what was found is ids only.
  'privacy.extracted': { email: 'personal', ticketIds: 'ids', contactIds: 'ids' },
  'privacy.erased': {
    email: 'personal',
    ticketIds: 'ids',
    contactIds: 'ids',
    keysDestroyed: 'number',
    recordings: 'number',
  },
};

/** Free or personal text for an audit event: sealed under the ticket's data key, or the event's month's without one. */
export class PersonalDetail {
  constructor(
    readonly text: string,
    readonly ticketId: string | null,
  ) {}
}

export const personalDetail = (text: string, ticketId: string | null = null) =>
  new PersonalDetail(text, ticketId);

export type AuditDetailValue =
  string | number | boolean | null | readonly string[] | readonly number[] | PersonalDetail;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9_.:+/=-]{1,200}$/;

const isId = (value: unknown) => typeof value === 'string' && UUID.test(value);
const isCode = (value: unknown) => typeof value === 'string' && CODE.test(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

const fits: Record<Exclude<AuditDetailKind, 'personal'>, (value: unknown) => boolean> = {
  id: isId,
  ids: (value) => Array.isArray(value) && value.every(isId),
  code: isCode,
  codes: (value) => Array.isArray(value) && value.every(isCode),
  number: isNumber,
  numbers: (value) => Array.isArray(value) && value.every(isNumber),
  boolean: (value) => typeof value === 'boolean',
};

/**
 * Refuses details the event's declaration does not allow. The error names the event and the key, never the value:
 * the value may be the very text that must not be written.
 */
export function assertAuditDetails(event: AuditEventCode, details: Record<string, AuditDetailValue>): void {
  const declared = auditDetailKinds[event];
  for (const [key, value] of Object.entries(details)) {
    const kind = declared[key];
    const refuse = (why: string) => {
      throw new LotsenError('INTERNAL', `The audit event ${event} cannot record "${key}": ${why}.`);
    };
    if (kind === undefined) refuse('the event declares no such detail');
    if (value === null) continue;
    if (kind === 'personal') {
      if (!(value instanceof PersonalDetail)) refuse('it is personal text, which is only recorded sealed');
      continue;
    }
    if (value instanceof PersonalDetail || !fits[kind!](value)) refuse(`it is not a valid ${kind}`);
  }
}
