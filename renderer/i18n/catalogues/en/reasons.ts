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
  blocker: 'Blocker',
  warning: 'Warning',
} as const;
