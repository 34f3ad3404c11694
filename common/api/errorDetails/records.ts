/** "The ticket's subject was purged (…)": a personal text whose key is gone, by the field's name for people. */
const purged = (field: string) =>
  `The ${field} was purged (gallrad) and cannot be edited; nothing was changed.` as const;

/** "November 2026 is approved for Växjö kommun (billing batch 3)", the start of every refusal of a closed month. */
const closedMonth = '{{month}} is approved for {{customer}} (billing batch {{batch}})';

/** Another person's record, by what it is and the act refused, with who may (common/team/principal.ts othersRecords). */
const others = (record: string, who: string, act: string) =>
  `This ${record} is another person's: ${who} may ${act} it.` as const;

/**
 * Details of the registry, agreements, tickets, time and billing, in English (see ./index.ts).
 */
export const records = {
  // Not found, mostly after another window or member deleted it.
  noSuchCustomer: 'No such customer; it may have been deleted.',
  noSuchContact: 'No such contact; it may have been deleted.',
  noSuchContactForCustomer: 'No such contact for this customer.',
  noSuchEnvironment: 'No such environment; it may have been deleted.',
  noSuchEnvironmentForCustomer: 'No such environment for this customer.',
  noSuchServer: 'No such server; it may have been deleted.',
  noSuchSupportAccount: 'No such support account; it may have been deleted.',
  noSuchCertificate: 'No such certificate; it may have been deleted.',
  noSuchNotice: 'No such notice; it may have been deleted.',
  noSuchAgreement: 'No such agreement; it may have been deleted.',
  noSuchDpa: 'No such data-processing agreement; it may have been deleted.',
  noSuchTicket: 'No such ticket; it may have been deleted.',
  noSuchScreenshot: 'No such screenshot; it may have been purged.',
  noSuchTimeEntry: 'No such time entry; it may have been deleted.',
  noSecretStored: 'No secret is stored for {{username}}.',
  noTotpSeedStored: 'No TOTP seed is stored for {{username}}.',
  noVpnTotpSeedStored: 'No TOTP seed is stored for the VPN of {{environment}}.',

  // The registry.
  customerHasApprovedMonths:
    'The customer has approved billing months, which is accounting material; it cannot be deleted.',
  customerHasLoggedTime: 'The customer has logged time, which is accounting material; it cannot be deleted.',
  orgNumberTaken: '{{customer}} already has organisation number {{orgNumber}}.',
  orgNumberUsedBy: 'Already used by {{customer}}',
  environmentNameTaken: 'This customer already has an environment named {{environment}}.',
  environmentNameUsed: 'Another environment has this name',
  privateKeyUnreadable: 'The private key cannot be read.',
  privateKeyOneLine: 'This private key has lost its line breaks; paste it again as it is in its file',
  privateKeyCutOff: 'This private key is cut off: its last line, -----END … PRIVATE KEY-----, is missing',
  privateKeyDamaged:
    'This private key cannot be read: it is damaged or in a format Lotsen does not read (OpenSSH, PEM or PKCS#8)',
  serverNotInEnvironment: 'The server is not one of this environment’s.',
  notServerOfEnvironment: 'Not a server in this environment',
  registryFileNotImported_one: 'The registry file was not imported: {{count}} problem. Nothing was written.',
  registryFileNotImported_other:
    'The registry file was not imported: {{count}} problems. Nothing was written.',
  registryFileNotImportedUnchecked_one:
    'The registry file was not imported: {{count}} problem in the records checked ({{unchecked}} more were not checked). Nothing was written.',
  registryFileNotImportedUnchecked_other:
    'The registry file was not imported: {{count}} problems in the records checked ({{unchecked}} more were not checked). Nothing was written.',

  // Agreements.
  agreementReferenceTaken: 'This customer already has an agreement with reference {{reference}}.',
  agreementReferenceUsed: 'Another agreement has this reference',
  agreementServicesInvalid: 'The agreement’s services are not valid.',
  serviceEnvironmentNotCustomers: 'This environment is not one of the customer’s',
  serviceOfOtherAgreement: 'This service belongs to another agreement',

  // Tickets.
  ticketCustomerFixedByTime:
    'This ticket has logged time, which belongs to its customer: the customer cannot change. Open a new ticket for the other customer instead.',
  ticketCustomerFixed: 'The ticket has logged time; its customer is fixed',
  serviceNotCustomers: 'The service is not one of this customer’s.',
  serviceNotInAgreements: 'Not a service in this customer’s agreements',
  environmentNotCustomers: 'The environment is not one of this customer’s.',
  notEnvironmentOfCustomer: 'Not an environment of this customer',
  ticketHasLoggedTime: 'This ticket has logged time and cannot be deleted; close it instead.',
  ticketFeeBilled: `${closedMonth}, which billed this ticket's acute escalation: the ticket cannot be deleted; close it instead.`,
  ticketAlreadySentBack: 'This ticket has already been sent back to the contacts.',
  requesterIsContact:
    "The requester is a named support contact of {{customer}}; their ticket is the vendor's to answer.",
  ticketResolvedReopen: 'This ticket is resolved; reopen it first.',
  ticketClosedReopen: 'This ticket is closed; reopen it first.',
  escalationNoAgreement: 'Acute escalation refused: no agreement in force on {{escalatedOn}}.',
  escalationNoAcuteOption: 'Acute escalation refused: the agreement has no acute option ({{agreements}}).',
  exceptionReasonMissing: 'An exception needs its reason written.',
  ticketPurged: "This ticket's personal data was purged (gallrad); nothing can be added to it.",
  screenshotTooLarge: 'A screenshot is at most 5 MB.',
  screenshotNotImage: 'The file is not a PNG or JPEG image.',
  screenshotNotPngOrJpeg: 'Not a PNG or JPEG image',
  assigneeNotMember: 'A ticket is assigned to a member of the team.',
  notTeamMember: 'Not a member of the team',

  // Time.
  entryStillRunning: 'The entry is still running; stop it before editing it.',
  sessionEntryFixed:
    "A session's ticket and times come from the session itself; only its note can be edited.",
  sessionEntryNotDeletable: "A session's time entry belongs to the session and cannot be deleted.",
  entryEndNotAfterStart: 'The end must be after the start',
  entryOver24Hours: 'One entry covers at most 24 hours',
  timeFileNotImported_one: 'The time file was not imported: {{count}} problem. Nothing was written.',
  timeFileNotImported_other: 'The time file was not imported: {{count}} problems. Nothing was written.',
  timeFileNotImportedUnchecked_one:
    'The time file was not imported: {{count}} problem in the records checked ({{unchecked}} more were not checked). Nothing was written.',
  timeFileNotImportedUnchecked_other:
    'The time file was not imported: {{count}} problems in the records checked ({{unchecked}} more were not checked). Nothing was written.',

  // Approved months and billing.
  entryLocked:
    'This time entry is locked: {{month}} was approved in billing batch {{batch}}. Correct it with an adjustment, which is billed in the next open month.',
  monthClosedForTime: `${closedMonth}: no time can be added to it or changed in it. Add an adjustment to a locked entry instead.`,
  escalationHeldInMonth: `${closedMonth}, which holds this ticket's acute escalation: the escalation can no longer move out of the month, be taken back or go to another customer.`,
  escalationIntoClosedMonth: `${closedMonth}: an acute escalation cannot be recorded in it, as its fee could no longer be billed. Record the escalation in an open month.`,
  storeRefused: 'Refused by the store. Corrections go in as adjustments.',
  storeRefusedLineChange:
    'Refused by the store: a billing line cannot change. Corrections go in as adjustments.',
  storeRefusedLineDelete:
    'Refused by the store: a billing line cannot be deleted. Corrections go in as adjustments.',
  storeRefusedBatchChange:
    'Refused by the store: an approved billing batch cannot change. Corrections go in as adjustments.',
  storeRefusedBatchDelete:
    'Refused by the store: an approved billing batch cannot be deleted. Corrections go in as adjustments.',
  storeRefusedAdjustment:
    'Refused by the store: the adjustment is in an approved billing batch. Corrections go in as adjustments.',
  storeRefusedMonth:
    'Refused by the store: the month is approved for this customer. Corrections go in as adjustments.',
  storeRefusedEntry:
    'Refused by the store: the time entry is in an approved billing batch. Corrections go in as adjustments.',
  entryNotLocked:
    'The entry is not locked: edit or reclassify it instead. Adjustments correct time in approved months.',
  adjustmentTooLarge:
    'At most {{left}} minutes can be taken off: the line that billed this entry counted {{base}} minutes, and a correction cannot bill less than nothing.',
  adjustmentTooLargeAfterEarlier:
    'At most {{left}} minutes can be taken off: the line that billed this entry counted {{base}} minutes and earlier corrections {{earlier}}, and a correction cannot bill less than nothing.',
  monthNotEnded:
    '{{month}} for {{customer}} cannot be approved yet: the month has not ended (Europe/Stockholm). Time may still be logged in it.',
  monthAlreadyApproved:
    '{{month}} for {{customer}} is already approved (billing batch {{batch}}). Corrections go in as adjustments.',
  monthNotApprovable:
    '{{month}} for {{customer}} cannot be approved: {{problems}}. Classify the time, stop what runs and price billable work, then approve again.',
  monthApprovedDuringExport:
    "{{customer}}'s month was approved while it was being exported; nothing was exported. Export it again to get the approved batch.",
  exportTooLargeForDownload:
    'The export is larger than {{megabytes}} MB: write it to a file instead (lotsen time export --out FILE).',

  // Another person's records (main/users/rowRules.ts).
  othersSessionReconnect: others('session', 'only they and support lead', 'reconnect'),
  othersSessionClose: others('session', 'only they and support lead', 'close'),
  othersSessionHostKey: others('session', 'only they and support lead', 'replace the host key of'),
  othersRecordingPlay: others('recording', 'only they and support lead', 'play'),
  othersEntrySee: others('time entry', 'only they and support lead or finance', 'see'),
  othersEntryClassify: others('time entry', 'only they and finance', 'classify'),
  othersEntryEdit: others('time entry', 'only the person it belongs to', 'edit'),
  othersEntryDelete: others('time entry', 'only the person it belongs to', 'delete'),

  // Personal data.
  purgedCannotEdit: 'Purged (gallrad); it cannot be edited',
  purgedRequesterName: purged("ticket's requester's name"),
  purgedRequesterEmail: purged("ticket's requester's e-mail"),
  purgedSubject: purged("ticket's subject"),
  purgedDescription: purged("ticket's description"),
  purgedAffectedUsers: purged("ticket's affected users"),
  purgedSchoolAndClass: purged("ticket's school and class"),
  purgedProblemStarted: purged("ticket's time the problem started"),
  purgedPageLinks: purged("ticket's page links"),
  purgedBrowser: purged("ticket's browser"),
  purgedContactName: purged("contact's name"),
  purgedContactEmail: purged("contact's e-mail"),
  purgedContactPhone: purged("contact's phone"),
  purgedContactRole: purged("contact's role"),
  purgedContactAdminAccount: purged("contact's admin account"),
  purgedEntryNote: purged("entry's note"),
  sessionRunningForPerson:
    "A session is running on one of this person's tickets: end it first; nothing was erased.",
  timerRunningForPerson:
    "A timer is running on one of this person's tickets: end it first; nothing was erased.",
  noPurgeDue: 'No purge is due: the last ran for {{lastPurgeOn}}, and the next is on {{nextPurgeOn}}.',
} as const;
