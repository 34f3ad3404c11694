/**
 * Eligibility reason codes (common/agreements/verdict.ts) in words: the short name a list shows in place of the code.
 * The backend's sentence after it carries the data (which agreement, which date, which contact).
 */
export const reasons = {
  codes: {
    NO_AGREEMENT: 'No support agreement',
    AGREEMENT_NOT_STARTED: 'Agreement not started',
    AGREEMENT_ENDED: 'Agreement ended',
    SERVICE_NOT_COVERED: 'Service not covered',
    NO_DPA: 'No data-processing agreement',
    DPA_ENDED: 'Data-processing agreement ended',
    NO_SUPPORT_ACCOUNT: 'No support account',
    NO_REMOTE_ACCESS: 'No remote access',
    NO_CONTACTS: 'No support contacts',
    NO_PRIMARY_CONTACT: 'No primary contact',
    PRIMARY_CONTACT_UNTRAINED: 'Primary contact not trained',
    NON_STANDARD_ACCESS: 'Non-standard access',
    TOO_MANY_CONTACTS: 'Too many contacts',
    CONTACT_TRAINING_MISSING: 'Contact training missing',
    AGREEMENT_ENDING_SOON: 'Agreement ending soon',
    DPA_ENDING_SOON: 'Data-processing agreement ending soon',
    REQUESTER_NOT_CONTACT: 'Requester not a contact',
    CERTIFICATE_EXPIRING_SOON: 'Certificate expiring soon',
    CERTIFICATE_EXPIRED: 'Certificate expired',
    MAINTENANCE_NOTICE: 'Maintenance notice',
  },
  sentences: {
    agreementNotStarted: 'Agreement {{reference}} starts on {{startsOn}}; no agreement is in force yet.',
    agreementEnded: 'Agreement {{reference}} ended on {{endsOn}}; no agreement is in force.',
    noAgreement: 'There is no support agreement with this customer.',
    agreementEndingSoon_one: 'Agreement {{reference}} ends on {{endsOn}} (in {{count}} day).',
    agreementEndingSoon_other: 'Agreement {{reference}} ends on {{endsOn}} (in {{count}} days).',
    serviceNotCovered: '{{service}} is not covered by an agreement in force.',
    serviceNotCoveredAnywhere: 'The service in question is not covered by any agreement.',
    environmentNotCovered: 'No agreement in force covers a service in {{environment}}.',
    dpaEnded: 'The data-processing agreement {{reference}} ended on {{endsOn}}.',
    dpaDatedLater: 'The data-processing agreement {{reference}} is dated {{signedOn}}, later than this.',
    noDpa: 'No signed data-processing agreement (PUB-avtal) is recorded.',
    dpaEndingSoon_one: 'The data-processing agreement {{reference}} ends on {{endsOn}} (in {{count}} day).',
    dpaEndingSoon_other:
      'The data-processing agreement {{reference}} ends on {{endsOn}} (in {{count}} days).',
    noSupportAccountIn: 'The vendor has no support account in {{environment}}.',
    noEnvironmentNoAccount: 'No environment is recorded for this customer, so no support account either.',
    noEnvironmentNoAccess: 'No environment is recorded for this customer, so no remote access either.',
    noContacts:
      'No named support contact is recorded; the vendor gives 2nd-line support to named contacts only.',
    noPrimaryContact: 'A school names one primary support contact; none of its contacts is marked primary.',
    primaryContactUntrained:
      'The school’s primary support contact {{contact}} has not done {{training}} training.',
    tooManyContacts_one: '{{count}} named support contact; the agreement allows {{allowed}}.',
    tooManyContacts_other: '{{count}} named support contacts; the agreement allows {{allowed}}.',
    requesterNotContact: '{{email}} is not a named support contact; the vendor helps named contacts only.',
    noRemoteAccessTerms_one:
      'No remote access is recorded to the {{roles}} server in {{environment}}: the terms require remote access to AD FS and WAP.',
    noRemoteAccessTerms_other:
      'No remote access is recorded to the {{roles}} servers in {{environment}}: the terms require remote access to AD FS and WAP.',
    noRemoteAccessServices_one:
      'No remote access is recorded to the {{roles}} server in {{environment}}, which {{services}} runs on.',
    noRemoteAccessServices_other:
      'No remote access is recorded to the {{roles}} servers in {{environment}}, which {{services}} runs on.',
    nonStandardAccess: '{{environment}} uses non-standard access, billable under section 8.6: {{findings}}',
    contactTrainingMissing: 'Training not done: {{contacts}}.',
    maintenanceNotice: '{{summary}}, {{period}} ({{timing}}; the customer’s notice for {{environment}}).',
    certificateExpiring_one:
      '{{certificate}} in {{environment}} expires on {{expiresOn}} (in {{count}} day); renew it before then.',
    certificateExpiring_other:
      '{{certificate}} in {{environment}} expires on {{expiresOn}} (in {{count}} days); renew it before then.',
    certificateExpired:
      '{{certificate}} in {{environment}} expired on {{expiresOn}}: {{consequence}} Renew it now.',
  },
  /** What the sentences above are put together from. */
  parts: {
    contactTraining: '{{contact}} ({{training}})',
    noticePeriod: '{{start}}–{{end}}',
    noticeOpen: 'from {{start}} until further notice',
    noticeTiming: {
      current: 'in progress',
      upcoming: 'coming',
    },
  },
  training: {
    admin: 'admin',
    tool: 'tool',
    both: 'admin and tool',
  },
  blocker: 'Blocker',
  warning: 'Warning',
} as const;
