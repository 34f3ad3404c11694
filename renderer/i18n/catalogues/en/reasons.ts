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
  },
  training: {
    admin: 'admin',
    tool: 'tool',
    both: 'admin and tool',
  },
  blocker: 'Blocker',
  warning: 'Warning',
} as const;
