import { z } from 'zod';
import {
  byIdSchema,
  contactInputSchema,
  contactViewSchema,
  customerDetailSchema,
  customerInputSchema,
  customerContactsSchema,
  customerServersSchema,
  customerSummarySchema,
  emailSchema,
  environmentInputSchema,
  environmentViewSchema,
  idSchema,
  secretSchema,
  serverInputSchema,
  serverViewSchema,
  supportAccountInputSchema,
  supportAccountViewSchema,
} from '../registry/model.ts';
import {
  agreementInputSchema,
  agreementViewSchema,
  dpaInputSchema,
  dpaViewSchema,
} from '../agreements/model.ts';
import { eligibilityReviewRowSchema } from '../agreements/review.ts';
import { auditEventCodes, auditEventViewSchema, auditVerdictSchema } from '../audit/auditEvents.ts';
import { verdictSchema } from '../agreements/verdict.ts';
import { importSummarySchema, registryFileSchema } from '../registry/registryFile.ts';
import { versionedPriceListSchema } from '../settings/priceList.ts';
import { escalateInputSchema, ticketInputSchema, ticketViewSchema } from '../tickets/model.ts';
import {
  assigneeSchema,
  assignInputSchema,
  noteInputSchema,
  screenshotContentSchema,
  screenshotInputSchema,
  screenshotViewSchema,
  ticketNoteViewSchema,
  ticketTimelineSchema,
} from '../tickets/ticketPage.ts';
import {
  hostKeyReplaceInputSchema,
  promptAnswerInputSchema,
  recordingDownloadSchema,
  recordingPageSchema,
  recordingViewSchema,
  sessionOpenInputSchema,
  sessionPromptSchema,
  sessionReconnectInputSchema,
  sessionViewSchema,
  terminalAckSchema,
  terminalInputSchema,
  terminalOutputSchema,
  terminalResizeSchema,
} from '../sessions/model.ts';
import { preConnectApproveInputSchema, preConnectCommandViewSchema } from '../sessions/preConnect.ts';
import { vpnProfileCommandsSchema, vpnProfileInputSchema } from '../sessions/vpn.ts';
import { toolApproveInputSchema, toolIndexEntrySchema, toolViewSchema } from '../sessions/tools.ts';
import { oneTimeCodeSchema, totpSeedSchema } from '../registry/oneTimeCodes.ts';
import {
  classificationSuggestionSchema,
  manualTimeEntryInputSchema,
  timeEntryUpdateSchema,
  timeEntryViewSchema,
  timeListInputSchema,
} from '../time/model.ts';
import { timeImportSummarySchema } from '../time/timeFile.ts';
import { checkPeriod, instantSchema } from './period.ts';
import { requireVersionWithId, rowVersionSchema } from './rowVersion.ts';

/** With an id, the version the record was opened at (requireVersionWithId); a new record has none. */
const optionalVersion = lazily(() => rowVersionSchema.optional());
import {
  adjustmentInputSchema,
  adjustmentViewSchema,
  approveMonthInputSchema,
  batchViewSchema,
  billedHoursSeriesSchema,
  classifyInputSchema,
  exportInputSchema,
  exportProgressSchema,
  exportResultSchema,
  monthSchema,
  monthSummarySchema,
} from '../billing/model.ts';
import { userRoles } from '../registry/vocabulary.ts';
import { principalSchema } from '../team/principal.ts';
import {
  accessExportInputSchema,
  accessExportResultSchema,
  accessReportInputSchema,
  accessReportSchema,
} from '../reports/accessReport.ts';
import {
  calendarDateSchema,
  personEraseResultSchema,
  personExtractSchema,
  privacyRequestSchema,
  purgePreviewSchema,
  purgeRunSchema,
  versionedRetentionPolicySchema,
  retentionStatusSchema,
} from '../retention/model.ts';
import {
  certificateInputSchema,
  certificateRowSchema,
  certificateViewSchema,
} from '../environments/certificates.ts';
import {
  addMemberInputSchema,
  changeRoleInputSchema,
  teamInvitationSchema,
  teamMemberSchema,
} from '../team/members.ts';
import { departingReportSchema } from '../team/departing.ts';
import {
  grantedKeysSchema,
  recoveredSchema,
  recoverInputSchema,
  rotationProgressSchema,
  rotationsRunSchema,
  vaultStatusSchema,
} from '../team/vault.ts';
import {
  maintenanceNoticeInputSchema,
  maintenanceNoticeViewSchema,
} from '../environments/maintenanceNotices.ts';
import { lazily, lazyEntries } from './lazySchema.ts';

/*
 * The one API contract. Every method names its input and output schema; main validates each call's input before any
 * service runs and each output before it leaves, and the renderer takes its types from here. Events are pushed by
 * main to every connected client.
 */

export const keyStores = ['keychain', 'passphrase'] as const;
export type KeyStore = (typeof keyStores)[number];

export const localUserSchema = lazily(() =>
  z.object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: z.enum(userRoles),
  }),
);
export type LocalUser = z.infer<typeof localUserSchema>;

export const localUserInputSchema = lazily(() =>
  z
    .object({
      name: z.string().trim().min(1, { error: 'Name is required' }).max(200),
      email: emailSchema('E-mail must be an address like namn@leverantor.se'),
      role: z.enum(userRoles, { error: `Role must be one of ${userRoles.join(', ')}` }),
    })
    .strict(),
);
export type LocalUserInput = z.input<typeof localUserInputSchema>;

export const appStatusSchema = lazily(() =>
  z.object({
    state: z.enum(['uninitialized', 'locked', 'unlocked']),
    keyStore: z.enum(keyStores).nullable(),
    user: localUserSchema.nullable(),
    /** Who is acting and with which rights (common/team/roles.ts); null until unlocked. */
    principal: principalSchema.nullable(),
    dataDir: z.string(),
    /**
     * Whether the team database answers, and since when (null: not known, the store is locked); `embedded` for the
     * one-file default, which has no database to lose.
     */
    database: z.object({
      state: z.enum(['reachable', 'unreachable', 'embedded']),
      since: z.number().int().nullable(),
    }),
  }),
);
export type AppStatus = z.infer<typeof appStatusSchema>;

const passphraseSchema = lazily(() =>
  z
    .string({ error: 'Passphrase must be text' })
    .min(1, { error: 'Passphrase is required' })
    .max(1024, { error: 'Passphrase is longer than 1024 characters' }),
);

const noInput = lazily(() => z.object({}).strict());
const nothing = lazily(() => z.null());

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const methods = lazyEntries({
  'app.status': () => method(noInput, appStatusSchema),
  'app.initialize': () =>
    method(
      z.object({ user: localUserInputSchema, passphrase: passphraseSchema.optional() }).strict(),
      appStatusSchema,
    ),
  'app.unlock': () => method(z.object({ passphrase: passphraseSchema.optional() }).strict(), appStatusSchema),
  'app.lock': () => method(noInput, appStatusSchema),

  /**
   * `contacts: false` leaves every contact's sealed fields unopened (summaries with `contacts: []`, `contactCount`
   * set) and `servers: false` leaves out the servers (`servers: []`, `hosts: []`, `hostCount` set): the console's
   * first paint at 10,000 customers, which then asks `registry.listCustomerServers` and
   * `registry.listCustomerContacts`.
   */
  'registry.listCustomers': () =>
    method(
      z.object({ contacts: z.boolean().optional(), servers: z.boolean().optional() }).strict(),
      z.array(customerSummarySchema),
    ),
  /** Every customer's servers, host order, for the list's search and the palette; customers without are left out. */
  'registry.listCustomerServers': () => method(noInput, z.array(customerServersSchema)),
  /** Every customer's contacts opened, for the list's search; customers without contacts are left out. */
  'registry.listCustomerContacts': () => method(noInput, z.array(customerContactsSchema)),
  'registry.getCustomer': () => method(byIdSchema, customerDetailSchema),
  'registry.createCustomer': () => method(customerInputSchema, customerDetailSchema),
  /** `rowVersion`: the version the person opened; a save against a stale one is refused (common/api/staleSave.ts). */
  'registry.updateCustomer': () =>
    method(
      z.object({ id: idSchema, rowVersion: rowVersionSchema, customer: customerInputSchema }).strict(),
      customerDetailSchema,
    ),
  'registry.deleteCustomer': () => method(byIdSchema, nothing),

  'registry.saveContact': () =>
    method(
      z
        .object({
          customerId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          contact: contactInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      contactViewSchema,
    ),
  'registry.deleteContact': () => method(byIdSchema, nothing),

  /** `preConnectSecret`: text sets it, null clears it, a missing one keeps the stored one; it travels only inward. */
  'registry.saveEnvironment': () =>
    method(
      z
        .object({
          customerId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          environment: environmentInputSchema,
          preConnectSecret: secretSchema.nullable().optional(),
          /** The VPN's TOTP seed (base32 or an otpauth:// link), as an account's `totpSeed`: set, cleared or kept. */
          vpnTotpSeed: totpSeedSchema.nullable().optional(),
        })
        .strict()
        .superRefine(requireVersionWithId),
      environmentViewSchema,
    ),
  'registry.deleteEnvironment': () => method(byIdSchema, nothing),

  'registry.saveServer': () =>
    method(
      z
        .object({
          environmentId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          server: serverInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      serverViewSchema,
    ),
  'registry.deleteServer': () => method(byIdSchema, nothing),

  /** A missing `secret` keeps the stored one; secrets travel only inward. */
  'registry.saveSupportAccount': () =>
    method(
      z
        .object({
          environmentId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          account: supportAccountInputSchema,
          secret: secretSchema.optional(),
          /** A TOTP seed (base32 or an otpauth:// link): text sets it, null clears it, a missing one keeps it. */
          totpSeed: totpSeedSchema.nullable().optional(),
        })
        .strict()
        .superRefine(requireVersionWithId),
      supportAccountViewSchema,
    ),
  'registry.deleteSupportAccount': () => method(byIdSchema, nothing),
  /** The one read that returns a secret: explicit, for one account, and written to the audit log first. */
  'registry.revealSecret': () =>
    method(
      z.object({ accountId: idSchema, purpose: z.string().trim().max(500).default('') }).strict(),
      z.object({ secret: z.string() }),
    ),

  /**
   * The account's current one-time code (TOTP), computed in main from the sealed seed; audited (never the code), as
   * copied from the account or filled in at a session's prompt (`sessionId`).
   */
  'registry.oneTimeCode': () =>
    method(
      z
        .object({ accountId: idSchema, use: z.enum(['copy', 'prompt']), sessionId: idSchema.optional() })
        .strict(),
      oneTimeCodeSchema,
    ),
  /** The stored TOTP seed itself, as revealSecret: explicit, for one account, and written to the audit log first. */
  'registry.revealTotpSeed': () =>
    method(
      z.object({ accountId: idSchema, purpose: z.string().trim().max(500).default('') }).strict(),
      z.object({ seed: z.string() }),
    ),
  /** The stored TOTP seed of an environment's VPN, as revealTotpSeed: explicit and written to the audit log first. */
  'registry.revealVpnTotpSeed': () =>
    method(
      z.object({ environmentId: idSchema, purpose: z.string().trim().max(500).default('') }).strict(),
      z.object({ seed: z.string() }),
    ),

  /** The file is checked record by record in main, so every problem is named with its path. */
  'registry.import': () => method(z.object({ file: z.unknown() }).strict(), importSummarySchema),
  /** Never with secrets: an export that holds them is made only by the CLI, in main, with an explicit flag. */
  'registry.export': () => method(noInput, registryFileSchema),

  /** Certificates whose expiry takes AD FS and WAP down (SSL, token-signing, token-decrypting, WAP proxy trust). */
  'certificates.save': () =>
    method(
      z
        .object({
          environmentId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          certificate: certificateInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      certificateViewSchema,
    ),
  'certificates.delete': () => method(byIdSchema, nothing),
  /** Every certificate (or one customer's), soonest expiry first, with its standing now (or at `at`). */
  'certificates.list': () =>
    method(
      z.object({ customerId: idSchema.optional(), at: instantSchema.optional() }).strict(),
      z.array(certificateRowSchema),
    ),
  /** The customer's notices of maintenance or changes in an environment. */
  'notices.save': () =>
    method(
      z
        .object({
          environmentId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          notice: maintenanceNoticeInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      maintenanceNoticeViewSchema,
    ),
  'notices.delete': () => method(byIdSchema, nothing),

  'agreements.list': () =>
    method(
      z.object({ customerId: idSchema }).strict(),
      z.object({ agreements: z.array(agreementViewSchema), dpas: z.array(dpaViewSchema) }),
    ),
  'agreements.save': () =>
    method(
      z
        .object({
          customerId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          agreement: agreementInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      agreementViewSchema,
    ),
  'agreements.delete': () => method(byIdSchema, nothing),
  'dpas.save': () =>
    method(
      z
        .object({
          customerId: idSchema,
          id: idSchema.optional(),
          rowVersion: optionalVersion,
          dpa: dpaInputSchema,
        })
        .strict()
        .superRefine(requireVersionWithId),
      dpaViewSchema,
    ),
  'dpas.delete': () => method(byIdSchema, nothing),

  /** Without `at`, the verdicts are for now. */
  'eligibility.review': () =>
    method(z.object({ at: instantSchema.optional() }).strict(), z.array(eligibilityReviewRowSchema)),
  'eligibility.check': () =>
    method(
      z
        .object({
          customerId: idSchema,
          environmentId: idSchema.nullable().optional(),
          serviceId: idSchema.nullable().optional(),
          requesterEmail: emailSchema('Requester e-mail must be an address like namn@kommun.se')
            .nullable()
            .optional(),
          at: instantSchema.optional(),
        })
        .strict(),
      verdictSchema,
    ),

  'tickets.list': () =>
    method(
      z.object({ customerId: idSchema.optional(), openOnly: z.boolean().optional() }).strict(),
      z.array(ticketViewSchema),
    ),
  'tickets.get': () => method(byIdSchema, ticketViewSchema),
  'tickets.save': () =>
    method(
      z
        .object({ id: idSchema.optional(), rowVersion: optionalVersion, ticket: ticketInputSchema })
        .strict()
        .superRefine(requireVersionWithId),
      ticketViewSchema,
    ),
  'tickets.delete': () => method(byIdSchema, nothing),
  /** Work has started: records the first response (now, or `at`) if none is recorded yet. */
  'tickets.recordFirstResponse': () =>
    method(z.object({ id: idSchema, at: instantSchema.optional() }).strict(), ticketViewSchema),
  /**
   * A ticket from someone who is not a named contact goes back to the customer's contacts (first line is the
   * customer's): recorded on the ticket with who and when, audited, and the ticket resolved.
   */
  'tickets.sendBack': () => method(byIdSchema, ticketViewSchema),
  /**
   * Acute escalation (now, or `at`): remediation due within two wall-clock hours. Needs an agreement in force with
   * the acute option (else NOT_ELIGIBLE, `details.reason` saying which), or an `exception` with its reason, which
   * bills the price list's fee and is audited.
   */
  'tickets.escalate': () => method(escalateInputSchema, ticketViewSchema),
  /** A ticket's page: its notes, status changes, sessions, time entries and screenshots, oldest first. */
  'tickets.timeline': () => method(byIdSchema, ticketTimelineSchema),
  /** Adds a note to a ticket, sealed under its personal-data key; audited (ids only). */
  'tickets.addNote': () => method(noteInputSchema, ticketNoteViewSchema),
  /** Attaches a PNG or JPEG screenshot (at most 5 MB), sealed under the ticket's key; audited (ids, size). */
  'tickets.attachScreenshot': () => method(screenshotInputSchema, screenshotViewSchema),
  /** A screenshot's image, base64; null data once the ticket was purged. */
  'tickets.screenshot': () => method(byIdSchema, screenshotContentSchema),
  /** Who a ticket may be assigned to: the team's current members; the local user in the embedded store. */
  'tickets.assignees': () => method(noInput, z.array(assigneeSchema)),
  'tickets.assign': () => method(assignInputSchema, ticketViewSchema),
  /** The vendor's price list (the acute-escalation fee an exception bills). */
  'settings.priceList': () => method(z.object({}).strict(), versionedPriceListSchema),
  'settings.savePriceList': () => method(versionedPriceListSchema, versionedPriceListSchema),

  /** Opens an SSH session or local terminal for a ticket; answers at once, state and prompts follow as events. */
  'sessions.open': () => method(sessionOpenInputSchema, sessionViewSchema),
  'sessions.list': () =>
    method(
      z.object({ live: z.boolean().default(true), ticketId: idSchema.optional() }).strict(),
      z.array(sessionViewSchema),
    ),
  'sessions.answerPrompt': () => method(promptAnswerInputSchema, nothing),
  'sessions.input': () => method(terminalInputSchema, nothing),
  'sessions.resize': () => method(terminalResizeSchema, nothing),
  /**
   * The client has drawn this many more bytes (flow control). The renderer sends it one way, with no answer
   * (OneWayMethod); the call stays for the API's other callers.
   */
  'sessions.ack': () => method(terminalAckSchema, nothing),
  'sessions.close': () => method(z.object({ sessionId: idSchema }).strict(), sessionViewSchema),
  /** Opens a new session the way an ended one was opened (its stored choices and last size); not for a live one. */
  'sessions.reconnect': () => method(sessionReconnectInputSchema, sessionViewSchema),
  /**
   * Deliberately replaces the stored host key with the one the session failed on (HOST_KEY_MISMATCH), after the new
   * fingerprint was confirmed; audited.
   */
  'sessions.replaceHostKey': () => method(hostKeyReplaceInputSchema, nothing),
  /** A customer's environments that have a pre-connect command: the command, and whether it may run on this machine. */
  'sessions.preConnectCommands': () =>
    method(z.object({ customerId: idSchema }).strict(), z.array(preConnectCommandViewSchema)),
  /**
   * Approves the exact pre-connect command shown (for this environment, on this machine); audited with its SHA-256.
   * CONFLICT when the environment's command is no longer that text.
   */
  'sessions.approvePreConnect': () => method(preConnectApproveInputSchema, preConnectCommandViewSchema),
  /**
   * A ready VPN profile's connect and disconnect commands as they would run on this machine (its platform, its
   * client's program), to fill an environment's pre-connect command with; and whether the client is installed here.
   */
  'sessions.vpnProfile': () => method(vpnProfileInputSchema, vpnProfileCommandsSchema),
  /**
   * Types the VPN's current one-time code, and Enter, into a session's pre-connect terminal, where the VPN's prompt
   * asks for it. Computed in main from the environment's sealed seed; the code never comes to the page, is not
   * recorded, and is audited without it. Only while the session runs its pre-connect command.
   */
  'sessions.fillVpnOneTimeCode': () =>
    method(z.object({ sessionId: idSchema }).strict(), z.object({ validUntil: z.number().int() })),
  /** A customer's environments' external tools with their launch templates, and whether each may run here. */
  'tools.list': () => method(z.object({ customerId: idSchema }).strict(), z.array(toolViewSchema)),
  /** Approves the exact template shown (for this tool of this environment, on this machine); audited by SHA-256. */
  'tools.approve': () => method(toolApproveInputSchema, toolViewSchema),
  /** Every environment's tools that launch without a server, with their customer: the command palette's tool entries. */
  'tools.index': () => method(z.object({}).strict(), z.array(toolIndexEntrySchema)),
  'recordings.list': () =>
    method(
      z
        .object({ ticketId: idSchema.optional(), limit: z.number().int().min(1).max(1_000).default(200) })
        .strict(),
      z.array(recordingViewSchema),
    ),
  /** A page of a recording for playback: the header and up to `limit` stored batches from `fromSeq`. */
  'recordings.read': () =>
    method(
      z
        .object({
          recordingId: idSchema,
          fromSeq: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(64).default(16),
        })
        .strict(),
      recordingPageSchema,
    ),
  /**
   * The recording as a `.cast` file, in the answer (the console saves it as a download; no call writes a file);
   * audited before it leaves. TOO_LARGE past 64 MiB: `lotsen recordings export` streams such a one to disk.
   */
  'recordings.export': () => method(z.object({ recordingId: idSchema }).strict(), recordingDownloadSchema),

  /** Newest first; every filter given must hold. The next page starts before the last `seq` of this one. */
  'audit.list': () =>
    method(
      z
        .object({
          event: z.enum(auditEventCodes).optional(),
          /** Who did it. */
          actorId: z.string().trim().min(1, { error: 'Say whose events to show' }).max(100).optional(),
          /** What it was done to: a kind of record (`session`, `customer`, `host`…), and one record of it. */
          subjectType: z.string().trim().min(1, { error: 'Say what kind of subject' }).max(50).optional(),
          subjectId: z.string().max(2_000, { error: 'A subject id is at most 2000 characters' }).optional(),
          /** From this instant on, and before `to`. */
          from: instantSchema.optional(),
          to: instantSchema.optional(),
          limit: z.number().int().min(1).max(5_000).optional(),
          beforeSeq: z.number().int().min(1).optional(),
        })
        .strict()
        .superRefine(checkPeriod),
      z.array(auditEventViewSchema),
    ),
  /** Everyone who appears in the audit log, under the name of their latest event: what its actor filter offers. */
  'audit.actors': () => method(noInput, z.array(z.object({ actorId: z.string(), actorName: z.string() }))),
  'audit.verify': () => method(noInput, auditVerdictSchema),

  /** Starts the local user's timer on a ticket (stopping one that runs); the start survives a crash. */
  'time.startTimer': () =>
    method(
      z.object({ ticketId: idSchema, note: z.string().trim().max(2_000).default('') }).strict(),
      timeEntryViewSchema,
    ),
  'time.stopTimer': () => method(noInput, timeEntryViewSchema.nullable()),
  'time.runningTimer': () => method(noInput, timeEntryViewSchema.nullable()),
  /** A page of entries (500 unless `limit` says, at most 2000); a full page goes on with `after` its last entry. */
  'time.list': () => method(timeListInputSchema, z.array(timeEntryViewSchema)),
  'time.addManual': () => method(manualTimeEntryInputSchema, timeEntryViewSchema),

  /*
   * Classification, billing months and the finance export. A month is YYYY-MM in Sweden (Europe/Stockholm). Once
   * finance approves a customer's month it is locked: its entries refuse every change (LOCKED) and corrections go
   * in as adjustments, billed in the next open month.
   */
  'time.classify': () => method(classifyInputSchema, timeEntryViewSchema),
  'time.suggestion': () => method(z.object({ entryId: idSchema }).strict(), classificationSuggestionSchema),
  'time.update': () => method(timeEntryUpdateSchema, timeEntryViewSchema),
  /** Timer and manual entries only; answers with the entry as it was. */
  'time.delete': () => method(byIdSchema, timeEntryViewSchema),
  /** A time file (docs/time-file.md), checked record by record; all or nothing. */
  'time.import': () => method(z.object({ file: z.unknown() }).strict(), timeImportSummarySchema),
  'billing.monthSummary': () => method(z.object({ month: monthSchema }).strict(), monthSummarySchema),
  /** Twelve months ending with `endMonth` (this month when left out). */
  'billing.billedHours': () =>
    method(z.object({ endMonth: monthSchema.optional() }).strict(), billedHoursSeriesSchema),
  'billing.approveMonth': () => method(approveMonthInputSchema, batchViewSchema),
  'billing.listBatches': () =>
    method(
      z.object({ month: monthSchema.optional(), customerId: idSchema.optional() }).strict(),
      z.array(batchViewSchema),
    ),
  /** The file comes back in the answer (no call writes one); progress as `billing.exportProgress` events; audited. */
  'billing.export': () => method(exportInputSchema, exportResultSchema),
  'billing.addAdjustment': () => method(adjustmentInputSchema, adjustmentViewSchema),
  'billing.listAdjustments': () =>
    method(
      z.object({ month: monthSchema.optional(), customerId: idSchema.optional() }).strict(),
      z.array(adjustmentViewSchema),
    ),

  /** Who was connected to a customer's servers in a period, for which ticket, and what concerning it was exported. */
  'reports.access': () => method(accessReportInputSchema, accessReportSchema),
  /** The same report as CSV in the answer (no call writes a file); audited with ids, the period and row counts. */
  'reports.exportAccess': () => method(accessExportInputSchema, accessExportResultSchema),
  /** The summer purge (gallring): when it is due, what it takes, the policy and the last run. */
  'retention.status': () => method(noInput, retentionStatusSchema),
  'retention.setPolicy': () => method(versionedRetentionPolicySchema, versionedRetentionPolicySchema),
  /** What a purge on any date would take; only today's purge runs (`retention.purge`), and only when due. */
  'retention.preview': () => method(z.object({ date: calendarDateSchema }).strict(), purgePreviewSchema),
  'retention.purge': () => method(noInput, purgeRunSchema),
  /** GDPR article 15: a person's data, found by e-mail (any case); audited with ids and the sealed address. */
  'privacy.extract': () => method(privacyRequestSchema, personExtractSchema),
  /** GDPR article 17: destroys the keys of the person's tickets and deletes their contact records; audited. */
  'privacy.erase': () => method(privacyRequestSchema, personEraseResultSchema),

  /*
   * A team's members, for admins (the same as `lotsen team …`): each call is refused with FORBIDDEN without the
   * admin right, by Lotsen and again by the team database, and NOT_INITIALIZED when this data folder is in no team.
   */
  'team.members': () =>
    method(
      z
        .object({
          /** `current` members (invited or enrolled), or `all`, the removed too. */
          show: z.enum(['current', 'all'], { error: 'Show current or all members' }).default('current'),
        })
        .strict(),
      z.array(teamMemberSchema),
    ),
  /** Answers with the single-use enrolment code (24 h) to hand to the new member; it is shown once. */
  'team.addMember': () => method(addMemberInputSchema, teamInvitationSchema),
  /** A change to finance takes the secrets key: its tree is rotated (`vault`) as removeMember's are. */
  'team.changeRole': () =>
    method(changeRoleInputSchema, teamMemberSchema.unwrap().extend({ vault: rotationsRunSchema })),
  /**
   * Drops the member's login and ends its open connections; the trees they held are rotated (`vault`: what was,
   * and what is left due for a member who holds it), and `departing` lists the customer secrets they saw or used.
   */
  'team.removeMember': () =>
    method(
      z.object({ userId: idSchema }).strict(),
      z.object({
        endedConnections: z.number().int(),
        vault: rotationsRunSchema,
        departing: departingReportSchema,
      }),
    ),
  /** Finishes a rotation a crash interrupted, and runs those due, as far as this member's keys allow. */
  'team.rotate': () => method(noInput, rotationsRunSchema),
  /**
   * The recovery kit restores the vault's keys for this admin (a new machine, an empty keychain); audited as
   * vault.recovered. The kit travels to this machine's own Lotsen only, and is kept nowhere.
   */
  'team.recover': () => method(recoverInputSchema, recoveredSchema),
  /**
   * What a member (current or removed) revealed or used of customers' secrets, for the admin to have those passwords
   * changed: key rotation cannot take them back.
   */
  /**
   * A new enrolment code for a member who lost their machine's keychain: the same user, a new login (the old one is
   * dropped with its connections, and the vault forgets the old key pair). Shown once, as team.addMember's.
   */
  'team.reissueCode': () => method(z.object({ userId: idSchema }).strict(), teamInvitationSchema),
  'team.departing': () => method(z.object({ userId: idSchema }).strict(), departingReportSchema),
  /** The vault's trees (due rotations, whether this admin holds each key) and members who lack a key they may hold. */
  'team.vault': () => method(noInput, vaultStatusSchema),
  /** `lotsen team grant-keys`: the trees this admin holds, wrapped for members entitled to them who have none yet. */
  'team.grantKeys': () => method(noInput, grantedKeysSchema),
});

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Methods that answer while the store is locked or not yet created; every other method needs it unlocked. */
export const methodsAllowedWhileLocked: ReadonlySet<MethodName> = new Set([
  'app.status',
  'app.initialize',
  'app.unlock',
  'app.lock',
]);

/**
 * Methods a transport also carries one way, as a message of their own that nothing answers: the terminal's
 * acknowledgements, thousands a session, as VS Code sends its pty acks. Each is checked as a call is (input, lock,
 * role) and dropped if refused (main/api/dispatcher.ts `notify`).
 */
export type OneWayMethod = Extract<MethodName, 'sessions.ack'>;

export const events = lazyEntries({
  'app.statusChanged': () => appStatusSchema,
  /**
   * Something in one customer's record changed (or the list did, when `customerId` is null). `touched` names which of
   * the list's follow-up parts (its servers, its contacts) the change may have changed, so a window asks only for
   * those again; absent, any may have (an import, another member's change).
   */
  'registry.changed': () =>
    z.object({
      customerId: idSchema.nullable(),
      touched: z.array(z.enum(['servers', 'contacts'])).optional(),
    }),
  /** A ticket was created, changed or deleted. */
  'tickets.changed': () => z.object({ ticketId: idSchema, customerId: idSchema }),
  /** A session changed state (opened, failed, closed, disconnected). */
  'sessions.changed': () => sessionViewSchema,
  /** A session waits for the person: an unknown host key, or the server's keyboard-interactive prompts. */
  'sessions.prompt': () => sessionPromptSchema,
  /** Terminal bytes; transports carry them as binary frames and the renderer hands them straight to xterm. */
  'terminal.output': () => terminalOutputSchema,
  /** A customer's month was approved or got an adjustment. */
  'billing.changed': () => z.object({ month: monthSchema, customerId: idSchema }),
  /** Rows written so far by a running export (`total` is an estimate until the end for open months). */
  'billing.exportProgress': () => exportProgressSchema,
  /** A vault rotation's re-wrapped data keys so far, per tree (team.removeMember, team.changeRole, team.rotate). */
  'team.rotationProgress': () => rotationProgressSchema,
  /**
   * What the page shows may be stale: the team database's change feed was lost and is back (notifications sent
   * meanwhile never arrived), or the store changed in a way too large or too coarse to name (another process, such as
   * the CLI, wrote the embedded store; or one burst touched more records than are worth an event each). Reload.
   */
  'store.resynced': () => z.object({ reason: z.enum(['reconnected', 'external-change']) }),
});

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
