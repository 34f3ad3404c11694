import type { reasons as en } from '../en/reasons.ts';
import type { Translation } from '../translation.ts';

export const reasons: Translation<typeof en> = {
  codes: {
    NO_AGREEMENT: 'Inget supportavtal',
    AGREEMENT_NOT_STARTED: 'Avtalet har inte börjat',
    AGREEMENT_ENDED: 'Avtalet har upphört',
    SERVICE_NOT_COVERED: 'Tjänsten ingår inte',
    NO_DPA: 'Inget PUB-avtal',
    DPA_ENDED: 'PUB-avtalet har upphört',
    NO_SUPPORT_ACCOUNT: 'Inget supportkonto',
    NO_REMOTE_ACCESS: 'Ingen fjärråtkomst',
    NO_CONTACTS: 'Inga supportkontakter',
    NO_PRIMARY_CONTACT: 'Ingen huvudkontakt',
    PRIMARY_CONTACT_UNTRAINED: 'Huvudkontakten saknar utbildning',
    NON_STANDARD_ACCESS: 'Åtkomst utöver standard',
    TOO_MANY_CONTACTS: 'För många kontakter',
    CONTACT_TRAINING_MISSING: 'Kontakt saknar utbildning',
    AGREEMENT_ENDING_SOON: 'Avtalet upphör snart',
    DPA_ENDING_SOON: 'PUB-avtalet upphör snart',
    REQUESTER_NOT_CONTACT: 'Beställaren är ingen kontakt',
    CERTIFICATE_EXPIRING_SOON: 'Certifikatet går snart ut',
    CERTIFICATE_EXPIRED: 'Certifikatet har gått ut',
    MAINTENANCE_NOTICE: 'Underhållsmeddelande',
  },
  blocker: 'Hinder',
  warning: 'Varning',
};
