import { LotsenError } from '../../common/api/errors.ts';
import { blockerCodes, warningCodes } from '../../common/agreements/verdict.ts';
import type { AuditEventCode } from '../../common/audit/auditEvents.ts';
import { exportFormats } from '../../common/billing/model.ts';
import { sessionKinds } from '../../common/sessions/model.ts';
import { splitTunnelFindings, vpnClients } from '../../common/sessions/vpn.ts';
import { recordFieldNames, recordFields, recordKinds, type RecordValue } from './recordFields.ts';

/*
 * What an audit event's details may hold, declared once per event: ids, codes, numbers, booleans, and personal text
 * that the trail seals before it is hashed (under its ticket's data key, or the Stockholm month of the event when no
 * ticket owns it). The hash chain is then computed over what a purge leaves unchanged: destroying a data key makes
 * the sealed text unreadable without changing a byte the chain covers. A detail no declaration names, clear text
 * under a personal key, or anything but an id under an id key is refused, so the event (and with appendWith, the act
 * it records) is not written.
 */

/**
 * - `id`: a UUID, `ids` a list of them. A code (`oneOf`, `shaped`, `listOf` one): a word of a closed vocabulary, or
 *   text of one exact shape (a month, a SHA-256), so no name fits where a code goes.
 * - `number`/`numbers`, `boolean`. `personal`: free or personal text, passed as `personalDetail(...)`, stored sealed.
 * - `changes`: a record's fields, each with its value before and after, only fields whose values the record may show
 *   (main/audit/recordChanges.ts: never personal data, free text or a secret), checked against the event's `record`.
 */
export type AuditDetailKind =
  'id' | 'ids' | 'number' | 'numbers' | 'boolean' | 'personal' | 'changes' | AuditCodeKind;

export interface AuditCodeKind {
  code: readonly string[] | RegExp;
  /** A list of such codes. */
  many?: true;
}

const oneOf = (words: readonly string[]): AuditCodeKind => ({ code: words });
const shaped = (pattern: RegExp): AuditCodeKind => ({ code: pattern });
const listOf = (kind: AuditCodeKind): AuditCodeKind => ({ ...kind, many: true });

const MONTH = shaped(/^\d{4}-(0[1-9]|1[0-2])$/);
const DAY = shaped(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const MONTH_DAY = shaped(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** Lower-case hex, as createHash(...).digest('hex') writes it. */
const SHA256_HEX = shaped(/^[0-9a-f]{64}$/);
/** As OpenSSH prints it (hostKeyFingerprint). */
const HOST_KEY_FINGERPRINT = shaped(/^SHA256:[A-Za-z0-9+/]{43}$/);
/** The key type named in a host key's blob: lower-case words joined by hyphens (ssh-ed25519, ecdsa-sha2-nistp256). */
const SSH_KEY_TYPE = shaped(/^[a-z0-9]+(-[a-z0-9.@]+)+$/);
/** A signal as the terminal reports it: ssh2's name (TERM) or node-pty's number. */
const SIGNAL = shaped(/^[A-Z0-9]{1,16}$/);
/** A command run in a session's terminal (pre-connect, disconnect): which, by its SHA-256, and how it ended. */
const COMMAND_RUN = {
  ticketId: 'id',
  environmentId: 'id',
  commandSha256: SHA256_HEX,
  exitCode: 'number',
  signal: SIGNAL,
  succeeded: 'boolean',
  durationMs: 'number',
} as const;
/** Why a session ended: a LotsenError code, or the session's own (INTERRUPTED). */
const END_CODE = shaped(/^[A-Z][A-Z0-9_]{1,63}$/);
/** A tree of the team vault (main/vault/treeKeyWraps.ts). */
const VAULT_TREE = oneOf(['personal', 'secrets']);
/** A public key's short fingerprint: 16 hex digits in groups of four. */
const KEY_FINGERPRINT = shaped(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);

/** How a session ended; exitCode and signal: how an RDP session's client program ended. */
const SESSION_END: Record<string, AuditDetailKind> = {
  ticketId: 'id',
  title: 'personal',
  code: END_CODE,
  message: 'personal',
  exitCode: 'number',
  signal: SIGNAL,
};

const RECORD_CHANGE: Record<string, AuditDetailKind> = {
  record: oneOf(recordKinds),
  customerId: 'id',
  environmentId: 'id',
  fields: listOf(oneOf(recordFieldNames)),
  changes: 'changes',
};

export const auditDetailKinds: Record<AuditEventCode, Record<string, AuditDetailKind>> = {
  'session.opened': { kind: oneOf(sessionKinds), title: 'personal', ticketId: 'id', customerId: 'id' },
  'session.closed': SESSION_END,
  'session.disconnected': SESSION_END,
  'eligibility.overridden': {
    ticketId: 'id',
    customerId: 'id',
    blockers: listOf(oneOf([...blockerCodes, ...warningCodes])),
    reason: 'personal',
  },
  'hostkey.trusted': { keyType: SSH_KEY_TYPE, fingerprint: HOST_KEY_FINGERPRINT, sessionId: 'id' },
  'hostkey.replaced': {
    keyType: SSH_KEY_TYPE,
    fingerprint: HOST_KEY_FINGERPRINT,
    replaced: HOST_KEY_FINGERPRINT,
    reason: 'personal',
    sessionId: 'id',
  },
  // The account's username may be a person's own admin account, and the purpose is whatever was typed.
  'secret.revealed': { username: 'personal', environmentId: 'id', purpose: 'personal' },
  'secret.totp_revealed': { username: 'personal', environmentId: 'id', purpose: 'personal' },
  // A code handed out (copied from the account, filled in at a session's prompt, or typed at its VPN's prompt in the
  // pre-connect terminal); never the code itself.
  'secret.one_time_code': {
    environmentId: 'id',
    use: oneOf(['copy', 'prompt', 'vpn_prompt']),
    sessionId: 'id',
  },
  // A tool's name is the registry's free text; the template is named by its SHA-256, as pre-connect commands are.
  'tool.approved': { tool: 'personal', templateSha256: SHA256_HEX, machineId: 'id', withOverride: 'boolean' },
  'tool.ran': {
    ticketId: 'id',
    environmentId: 'id',
    tool: 'personal',
    templateSha256: SHA256_HEX,
    exitCode: 'number',
    signal: SIGNAL,
    handedOff: 'boolean',
    durationMs: 'number',
  },
  // Paths may name people (a home folder, a file named after a requester).
  'recording.exported': {
    file: 'personal',
    bytes: 'number',
    // A download from the console names the file's SHA-256 (the CLI's export does not read its file back).
    sha256: SHA256_HEX,
    sessionId: 'id',
    ticketId: 'id',
    title: 'personal',
  },
  'registry.exported_with_secrets': { customers: 'number', to: 'personal' },
  'billing.month_approved': {
    number: 'number',
    month: MONTH,
    customerId: 'id',
    entries: 'number',
    lines: 'number',
    actualMinutes: 'number',
    billedMinutes: 'number',
    amountOre: 'number',
  },
  'billing.exported': {
    month: MONTH,
    format: oneOf(exportFormats),
    excelSv: 'boolean',
    rows: 'number',
    bytes: 'number',
    sha256: SHA256_HEX,
    preview: 'boolean',
    batches: 'numbers',
    to: 'personal',
  },
  'billing.adjustment_added': {
    adjustmentId: 'id',
    customerId: 'id',
    ticketId: 'id',
    month: MONTH,
    minutes: 'number',
    note: 'personal',
  },
  'store.backed_up': { file: 'personal', bytes: 'number', events: 'number' },
  'preconnect.approved': { commandSha256: SHA256_HEX, machineId: 'id' },
  'preconnect.ran': {
    ...COMMAND_RUN,
    // A VPN profile's connect: which client, and whether the tunnel it made is split (common/sessions/vpn.ts).
    vpnClient: oneOf(vpnClients),
    splitTunnel: oneOf(splitTunnelFindings),
  },
  'preconnect.disconnected': COMMAND_RUN,
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
  // Which of the vault's trees were wrapped for the member (the subject): names of trees, never a key.
  'vault.access_granted': { trees: listOf(oneOf(['personal', 'secrets'])) },
  // The session (the subject) started while the team database was away, on the verdict fetched at that time.
  'session.cached_verdict': {
    ticketId: 'id',
    customerId: 'id',
    environmentId: 'id',
    verdictFetchedAt: 'number',
  },
  'retention.purged': {
    purgeDate: DAY,
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
  'ticket.note_added': { ticketId: 'id', customerId: 'id', noteId: 'id' },
  'ticket.screenshot_attached': { ticketId: 'id', customerId: 'id', screenshotId: 'id', byteSize: 'number' },
  // `team import-local`: the local log kept as a segment (audit_imported_events), and whose it was.
  'audit.segment_imported': {
    segmentId: 'id',
    events: 'number',
    lastSeq: 'number',
    lastHash: SHA256_HEX,
    localUserId: 'id',
    teamUserId: 'id',
    // The imported billing batches, their numbers in the segment and in the team, in the same order.
    batchIds: 'ids',
    batchNumbersAtHome: 'numbers',
    batchNumbers: 'numbers',
  },
  'settings.price_list_changed': { acuteEscalationOreBefore: 'number', acuteEscalationOre: 'number' },
  'retention.policy_changed': { purgeMonthDay: MONTH_DAY, keepClosedDays: 'number' },
  // The e-mail a GDPR request named is personal; what was found is ids only.
  'privacy.extracted': { email: 'personal', ticketIds: 'ids', contactIds: 'ids' },
  'privacy.erased': {
    email: 'personal',
    ticketIds: 'ids',
    contactIds: 'ids',
    keysDestroyed: 'number',
    recordings: 'number',
  },
  // Why the tree was due (lotsen.team_vault_forget's reasons; `rotation_begun` for one found begun).
  'vault.rotated': {
    tree: VAULT_TREE,
    from: 'number',
    to: 'number',
    dataKeys: 'number',
    reason: oneOf(['member_removed', 'role_changed', 'code_reissued', 'rotation_begun']),
  },
  // The trees whose keys the kit restored, and its key's fingerprint (which kit, never the kit).
  'vault.recovered': { trees: listOf(VAULT_TREE), kitFingerprint: KEY_FINGERPRINT },
  // A registry record, agreement or DPA written from the app (main/audit/recordChanges.ts): the fields by name, and
  // values before and after only for those that are neither personal, free text nor secret.
  'registry.record_added': RECORD_CHANGE,
  'registry.record_changed': RECORD_CHANGE,
  'registry.record_deleted': RECORD_CHANGE,
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

/** A `changes` detail: field → [before, after]. */
export type RecordChanges = Readonly<Record<string, readonly [RecordValue, RecordValue]>>;

export type AuditDetailValue =
  string | number | boolean | null | readonly string[] | readonly number[] | PersonalDetail | RecordChanges;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isId = (value: unknown) => typeof value === 'string' && UUID.test(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isCode = ({ code }: AuditCodeKind) =>
  code instanceof RegExp
    ? (value: unknown) => typeof value === 'string' && code.test(value)
    : (value: unknown) => typeof value === 'string' && code.includes(value);

const fits: Record<'id' | 'ids' | 'number' | 'numbers' | 'boolean', (value: unknown) => boolean> = {
  id: isId,
  ids: (value) => Array.isArray(value) && value.every(isId),
  number: isNumber,
  numbers: (value) => Array.isArray(value) && value.every(isNumber),
  boolean: (value) => typeof value === 'boolean',
};

const isRecordValue = (value: unknown) =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

/** Field → [before, after], every field one whose values the record (the event's `record` detail) may show. */
function fitsChanges(record: unknown, value: unknown): boolean {
  const open: readonly string[] | undefined = recordFields[record as keyof typeof recordFields]?.open;
  if (open === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (value instanceof PersonalDetail) return false;
  return Object.entries(value).every(
    ([field, pair]) =>
      open.includes(field) && Array.isArray(pair) && pair.length === 2 && pair.every(isRecordValue),
  );
}

function fitsKind(kind: Exclude<AuditDetailKind, 'personal' | 'changes'>, value: unknown): boolean {
  if (typeof kind === 'string') return fits[kind](value);
  const one = isCode(kind);
  return kind.many ? Array.isArray(value) && value.every(one) : one(value);
}

/**
 * Any event may carry this detail: the UUID of the queued item it was written from, when it waited in the local
 * queue while the team database was out of reach (main/team/outbox/). Writing the queue again after a crash finds
 * it, so the event is never appended twice.
 */
export const QUEUED_AS = 'queuedAs';

/**
 * Refuses details the event's declaration does not allow. The error names the event and the key, never the value:
 * the value may be the very text that must not be written.
 */
export function assertAuditDetails(event: AuditEventCode, details: Record<string, AuditDetailValue>): void {
  const declared = auditDetailKinds[event];
  for (const [key, value] of Object.entries(details)) {
    const kind = key === QUEUED_AS ? 'id' : declared[key];
    const refuse = (why: string) => {
      throw new LotsenError('INTERNAL', `The audit event ${event} cannot record "${key}": ${why}.`);
    };
    if (kind === undefined) refuse('the event declares no such detail');
    if (value === null) continue;
    if (kind === 'personal') {
      if (!(value instanceof PersonalDetail)) refuse('it is personal text, which is only recorded sealed');
      continue;
    }
    if (kind === 'changes') {
      if (!fitsChanges(details.record, value))
        refuse("it names a field whose values this record's events do not show");
      continue;
    }
    if (value instanceof PersonalDetail || !fitsKind(kind!, value)) {
      refuse(`it is not ${typeof kind === 'string' ? `a valid ${kind}` : 'one of its codes'}`);
    }
  }
}
